import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/messages';

/** A translator for the `email` namespace, keyed by plain strings (templates build keys from their kind). */
export type EmailT = (key: string, values?: Record<string, string | number>) => string;

export function emailTranslator(locale: AppLocale): EmailT {
  // next-intl types keys from a global messages declaration the project does not keep; the
  // message files are loaded at run time, so keys are checked by the template tests instead.
  return translator(locale, 'email') as unknown as EmailT;
}

/** A booking's slot in the organisation's time zone, with the zone named. */
export function formatSlot(t: EmailT, startAt: string, endAt: string, locale: AppLocale, timeZone: string): string {
  return `${formatRange(new Date(startAt), new Date(endAt), locale, timeZone)} ${t('layout.timeZoneNote', { zone: timeZone })}`;
}

export function formatInstant(t: EmailT, instant: string, locale: AppLocale, timeZone: string): string {
  return `${formatDateTime(new Date(instant), locale, timeZone)} ${t('layout.timeZoneNote', { zone: timeZone })}`;
}
