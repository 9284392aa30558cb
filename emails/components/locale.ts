/**
 * The languages e-mails are written in, owned here so that templates need nothing from the app.
 * The app passes its own locale type, which TypeScript keeps assignable to this one.
 */
export type EmailLocale = 'zh' | 'en';

/** BCP 47 tags for <html lang>. */
export const emailLocaleTags: Record<EmailLocale, string> = { zh: 'zh-CN', en: 'en' };
