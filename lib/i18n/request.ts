/**
 * next-intl's per-request configuration. The locale is not in the URL: it comes from the
 * NEXT_LOCALE cookie (the language switch), else the signed-in user's saved language, else 简体中文.
 * Times are formatted in the organisation's time zone, whatever the server's TZ.
 */
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getDb } from '@/db';
import { sessionToken } from '@/lib/auth/session';
import { getSettings } from '@/lib/settings';
import { defaultLocale, isLocale, LOCALE_COOKIE, type AppLocale } from './config';
import { loadMessages } from './messages';

async function requestLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const locale = (await sessionToken())?.locale;
  if (isLocale(locale)) return locale;
  return defaultLocale;
}

export default getRequestConfig(async (params) => {
  // An explicit locale (`getTranslations({ locale })`) wins over the request's.
  const locale = isLocale(params.locale) ? params.locale : await requestLocale();
  const settings = await getSettings(await getDb());
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: settings.timeZone,
  };
});
