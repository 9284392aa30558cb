import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { addDays, dayInZone, earliestStaffStartDay } from '@/lib/calendar/working-days';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listResourcesByType } from '@/lib/resources/queries';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { applicantProfile } from '@/lib/staff-booking/profile';
import { resourceOptions } from '@/lib/staff-booking/resource-options';
import { toWallClock } from '@/lib/staff-booking/wall-clock';
import { NewBookingForm, type SlotPrefill } from './new-booking-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('booking'))('new.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `?resourceId=` preselects a resource; `&startAt=&endAt=` (instants, as in the alternatives an
 * e-mail offers) also fill in the time.
 */
export default async function NewBookingPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const db = await getDb();
  const [groups, profile, settings, calendar, locale, t, tSeries, query] = await Promise.all([
    listResourcesByType(db),
    applicantProfile(db, actor),
    getSettings(db),
    getHolidayCalendar(db),
    currentLocale(),
    getTranslations('booking'),
    getTranslations('series'),
    searchParams,
  ]);
  const { timeZone } = settings;
  const now = new Date();
  const options = resourceOptions(groups, locale);
  const wanted = first(query.resourceId);
  const preselected = options.flatMap((g) => g.resources).find((r) => r.id === wanted && r.state === 'in_service');

  return (
    <>
      <PageHeader title={t('new.title')} description={t('new.intro')} />
      <p className="-mt-2 mb-6 text-sm">
        <Link href="/bookings/series/new" className="font-medium text-blue-700 underline-offset-4 hover:underline">
          {tSeries('new.link')}
        </Link>
      </p>
      <NewBookingForm
        groups={options}
        initialResourceId={preselected?.id ?? ''}
        prefill={slotPrefill(first(query.startAt), first(query.endAt), timeZone)}
        timeZone={timeZone}
        earliestDay={earliestStaffStartDay(now, settings.staffLeadWorkingDays, timeZone, calendar)}
        lastDay={addDays(dayInZone(now, timeZone), settings.bookingHorizonDays)}
        phone={profile.phone}
        departmentName={profile.department ? localizedName(profile.department, locale) : null}
      />
    </>
  );
}

/** A slot from the URL, as the form's date and times; ignored unless both ends are valid on one day. */
function slotPrefill(startAt: string | undefined, endAt: string | undefined, timeZone: string): SlotPrefill | null {
  if (!startAt || !endAt) return null;
  const start = new Date(startAt);
  const end = new Date(endAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) return null;
  const [day, startTime] = toWallClock(start, timeZone).split('T');
  const [endDay, endTime] = toWallClock(end, timeZone).split('T');
  return day === endDay ? { date: day, startTime, endTime } : null;
}
