import 'server-only';
import { getLocale } from 'next-intl/server';
import { defaultLocale, isLocale, type AppLocale } from './config';

/** The current request's language, typed as one of ours. */
export async function currentLocale(): Promise<AppLocale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}
