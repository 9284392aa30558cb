import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { addDays, dayInZone, earliestStaffStartDay } from '@/lib/calendar/working-days';
import { currentLocale } from '@/lib/i18n/server';
import { listResourcesByType } from '@/lib/resources/queries';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { applicantProfile } from '@/lib/staff-booking/profile';
import { resourceOptions } from '@/lib/staff-booking/resource-options';
import { SeriesForm } from './series-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('series'))('new.title') };
}

/** A recurring request: the same slot every week, every two weeks or every month. */
export default async function NewSeriesPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [groups, profile, settings, calendar, locale, t] = await Promise.all([
    listResourcesByType(db),
    applicantProfile(db, actor),
    getSettings(db),
    getHolidayCalendar(db),
    currentLocale(),
    getTranslations('series'),
  ]);
  const { timeZone } = settings;
  const now = new Date();
  return (
    <>
      <PageHeader title={t('new.title')} description={t('new.intro', { days: settings.seriesHorizonDays })} />
      <SeriesForm
        groups={resourceOptions(groups, locale)}
        timeZone={timeZone}
        earliestDay={earliestStaffStartDay(now, settings.staffLeadWorkingDays, timeZone, calendar)}
        lastDay={addDays(dayInZone(now, timeZone), settings.seriesHorizonDays)}
        phone={profile.phone}
      />
    </>
  );
}
