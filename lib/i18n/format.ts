/**
 * Dates and times are always shown in the organisation's time zone, whatever the server's TZ:
 * every formatter here takes the zone explicitly.
 */
import { localeTags, type AppLocale } from './config';

export function formatDateTime(instant: Date, locale: AppLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTags[locale], {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

export function formatTime(instant: Date, locale: AppLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTags[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

export function formatDate(instant: Date, locale: AppLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(localeTags[locale], {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).format(instant);
}

/** "2026-12-01 (周二) 09:30–11:30" — a booking's slot on one line. */
export function formatRange(start: Date, end: Date, locale: AppLocale, timeZone: string): string {
  return `${formatDateTime(start, locale, timeZone)} – ${formatTime(end, locale, timeZone)}`;
}
