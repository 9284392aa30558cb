import { ArrowLeftIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db';
import { listActiveStaff } from '@/lib/admin/staff-directory';
import { requirePageActor } from '@/lib/auth/session';
import { listResources } from '@/lib/booking/queries';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { getSettings } from '@/lib/settings';
import { EntryForm } from './entry-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entries'))('title') };
}

/** Admin enters a staff request that came on paper, by phone or by e-mail (rules 2 and 4). */
export default async function NewEntryPage() {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [staff, resources, settings, locale, t] = await Promise.all([
    listActiveStaff(db, actor),
    listResources(db),
    getSettings(db),
    currentLocale(),
    getTranslations('entries'),
  ]);

  return (
    <>
      <Link
        href="/admin/review"
        className="mb-3 inline-flex items-center gap-1 text-sm text-blue-800 underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('back')}
      </Link>
      <PageHeader title={t('title')} description={t('intro')} />
      <Card>
        {/* Padding all round: a card's content usually follows its header, this one has none. */}
        <CardContent className="pt-4 sm:pt-5">
          <EntryForm
            staff={staff.map((s) => ({
              id: s.id,
              label: [s.name, s.department && localizedName(s.department, locale), s.email].filter(Boolean).join(' · '),
            }))}
            resources={resources.map((r) => ({
              id: r.id,
              code: r.code,
              name: localizedName(r, locale),
              location: localizedLocation(r, locale),
              capacity: r.capacity,
            }))}
            timeZone={settings.timeZone}
          />
        </CardContent>
      </Card>
    </>
  );
}
