/** /waitlist — the signed-in user's waitlist entries (times not yet over), each removable. */
import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listMyWaitlist } from '@/lib/waitlist/entries';
import { WaitlistList } from './waitlist-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('waitlist'))('title') };
}

export default async function WaitlistPage() {
  const actor = await requirePageActor();
  const [entries, t, locale, timeZone] = await Promise.all([
    listMyWaitlist(await getDb(), actor),
    getTranslations('waitlist'),
    currentLocale(),
    getTimeZone(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <WaitlistList
        entries={entries.map((e) => ({
          id: e.id,
          resourceName: localizedName({ nameZh: e.resourceNameZh, nameEn: e.resourceNameEn }, locale),
          resourceCode: e.resourceCode,
          when: formatRange(e.startAt, e.endAt, locale, timeZone),
          status: e.status,
        }))}
      />
    </>
  );
}
