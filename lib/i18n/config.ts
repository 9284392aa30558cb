export const locales = ['zh', 'en'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'zh';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl and for <html lang>. */
export const localeTags: Record<AppLocale, string> = { zh: 'zh-CN', en: 'en' };
