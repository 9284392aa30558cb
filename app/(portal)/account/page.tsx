/**
 * /account — everything about oneself on one page, in sections: language, password, the
 * personal calendar feed's secret address (copy, or a new one), and API tokens for those admin
 * allowed (admin always). /profile, where the calendar and API sections used to be, leads here.
 */
import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { regenerateFeedAction } from '@/app/actions/access';
import { changeOwnPasswordAction } from '@/app/actions/account';
import { setLocaleAction } from '@/app/actions/locale';
import { FeedUrl } from '@/components/access/feed-url';
import { PasswordForm } from '@/components/account/password-form';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { listApiTokens, mayUseApi } from '@/lib/api-access/tokens';
import { requirePageActor } from '@/lib/auth/session';
import { myFeedUrl } from '@/lib/feeds/feeds';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { ApiTokens } from './api-tokens';
import { DailyDigestSetting } from './daily-digest';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people.account'))('title') };
}

export default async function AccountPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [t, tAccess, tRole, tDigest, locale, timeZone, personalUrl, apiAllowed] = await Promise.all([
    getTranslations('people.account'),
    getTranslations('access'),
    getTranslations('role'),
    getTranslations('digest'),
    currentLocale(),
    getTimeZone(),
    myFeedUrl(db, actor, 'personal'),
    mayUseApi(db, actor),
  ]);
  const tokens = apiAllowed ? await listApiTokens(db, actor) : [];
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, timeZone) : null);
  const sections = [
    { id: 'language', label: t('language') },
    { id: 'password', label: t('password') },
    { id: 'calendar', label: tAccess('feeds.personalTitle') },
    { id: 'api-tokens', label: tAccess('tokens.title') },
    ...(actor.role === 'admin' ? [{ id: 'digest', label: tDigest('title') }] : []),
  ];
  return (
    <>
      <PageHeader title={t('title')} description={`${actor.name} · ${actor.email} · ${tRole(actor.role)}`} />
      <nav aria-label={t('sections')} className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-col gap-6">
        <Card id="language" className="scroll-mt-20">
          <CardHeader>
            <CardTitle as="h2">{t('language')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            <p className="text-sm text-slate-600">{t('languageHint')}</p>
            <LanguageSwitch action={setLocaleAction} />
          </CardContent>
        </Card>
        <Card id="password" className="scroll-mt-20">
          <CardHeader>
            <CardTitle as="h2">{t('password')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm text-slate-600">{t('passwordHint')}</p>
            <PasswordForm action={changeOwnPasswordAction} askCurrent />
          </CardContent>
        </Card>
        <div id="calendar" className="scroll-mt-20">
          <FeedUrl title={tAccess('feeds.personalTitle')} help={tAccess('feeds.personalHelp')} url={personalUrl} regenerate={regenerateFeedAction} />
        </div>
        <section id="api-tokens" className="flex scroll-mt-20 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="api-tokens-title">
          <h2 id="api-tokens-title" className="text-base font-semibold text-slate-900">
            {tAccess('tokens.title')}
          </h2>
          <p className="text-sm text-slate-600">{apiAllowed ? tAccess('tokens.help') : tAccess('tokens.notAllowed')}</p>
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
        <div id="digest" className="scroll-mt-20">
          <DailyDigestSetting db={db} actor={actor} />
        </div>
      </div>
    </>
  );
}
