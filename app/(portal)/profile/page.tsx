/**
 * /profile — one's calendars and API access: the personal feed's secret address (copy, or a new
 * one), and API tokens for those admin allowed (admin always).
 */
import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { regenerateFeedAction } from '@/app/actions/access';
import { FeedUrl } from '@/components/access/feed-url';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { listApiTokens, mayUseApi } from '@/lib/api-access/tokens';
import { requirePageActor } from '@/lib/auth/session';
import { myFeedUrl } from '@/lib/feeds/feeds';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { ApiTokens } from './api-tokens';
import { DailyDigestSetting } from './daily-digest';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('access'))('title') };
}

export default async function ProfilePage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [t, locale, timeZone, personalUrl, apiAllowed] = await Promise.all([
    getTranslations('access'),
    currentLocale(),
    getTimeZone(),
    myFeedUrl(db, actor, 'personal'),
    mayUseApi(db, actor),
  ]);
  const tokens = apiAllowed ? await listApiTokens(db, actor) : [];
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, timeZone) : null);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="flex flex-col gap-6">
        <DailyDigestSetting db={db} actor={actor} />
        <FeedUrl title={t('feeds.personalTitle')} help={t('feeds.personalHelp')} url={personalUrl} regenerate={regenerateFeedAction} />
        <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="api-tokens">
          <h2 id="api-tokens" className="text-base font-semibold text-slate-900">
            {t('tokens.title')}
          </h2>
          <p className="text-sm text-slate-600">{apiAllowed ? t('tokens.help') : t('tokens.notAllowed')}</p>
          {apiAllowed && (
            <ApiTokens
              tokens={tokens.map((token) => ({
                id: token.id,
                name: token.name,
                scopes: token.scopes,
                lastUsed: when(token.lastUsedAt),
                expires: when(token.expiresAt),
              }))}
            />
          )}
        </section>
      </div>
    </>
  );
}
