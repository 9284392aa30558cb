/**
 * Dates and times in e-mails, always in the organisation's time zone (named, whatever the
 * server's TZ), in a form no reader can misread:
 *   en  Wed 2 Dec 2026, 09:30–11:30 (China Standard Time)
 *   zh  2026年12月2日（周三）09:30–11:30（北京时间）
 * A slot that ends on another day repeats the date at its end.
 */
import type { EmailLocale } from './locale';

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(instant: Date, tag: string, options: Intl.DateTimeFormatOptions): Parts {
  return Object.fromEntries(new Intl.DateTimeFormat(tag, options).formatToParts(instant).map((p) => [p.type, p.value]));
}

function dateOf(instant: Date, locale: EmailLocale, timeZone: string): string {
  if (locale === 'zh') {
    const p = partsOf(instant, 'zh-CN', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
    return `${p.year}年${p.month}月${p.day}日（${p.weekday}）`;
  }
  // Day before month, month in words: never 12/02 versus 02/12.
  const p = partsOf(instant, 'en-GB', { timeZone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

function timeOf(instant: Date, timeZone: string): string {
  const p = partsOf(instant, 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** Zones Chinese readers know as Beijing time (北京时间) rather than by the ICU name (中国标准时间). */
const BEIJING_TIME = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

/** The zone's name at that instant (standard or summer time), in the reader's language. */
function zoneName(instant: Date, locale: EmailLocale, timeZone: string): string {
  if (locale === 'zh' && BEIJING_TIME.has(timeZone)) return '北京时间';
  const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
  return partsOf(instant, tag, { timeZone, timeZoneName: 'long' }).timeZoneName ?? timeZone;
}

function withZone(text: string, instant: Date, locale: EmailLocale, timeZone: string): string {
  const zone = zoneName(instant, locale, timeZone);
  return locale === 'zh' ? `${text}（${zone}）` : `${text} (${zone})`;
}

/** One moment, e.g. a confirmation deadline. Instants are ISO 8601 strings, as mails store them. */
export function formatInstant(instant: string, locale: EmailLocale, timeZone: string): string {
  const at = new Date(instant);
  const date = dateOf(at, locale, timeZone);
  return withZone(locale === 'zh' ? `${date}${timeOf(at, timeZone)}` : `${date}, ${timeOf(at, timeZone)}`, at, locale, timeZone);
}

/** A booking's slot on one line. */
export function formatSlot(startAt: string, endAt: string, locale: EmailLocale, timeZone: string): string {
  const start = new Date(startAt);
  const end = new Date(endAt);
  const startDate = dateOf(start, locale, timeZone);
  const endDate = dateOf(end, locale, timeZone);
  const sep = locale === 'zh' ? '' : ', ';
  const range =
    startDate === endDate
      ? `${startDate}${sep}${timeOf(start, timeZone)}–${timeOf(end, timeZone)}`
      : `${startDate}${sep}${timeOf(start, timeZone)} – ${endDate}${sep}${timeOf(end, timeZone)}`;
  return withZone(range, start, locale, timeZone);
}

/** A day's date alone, for a mail about one day (the digest), e.g. 2026年12月1日（周二）. */
export function formatDay(instant: string, locale: EmailLocale, timeZone: string): string {
  return dateOf(new Date(instant), locale, timeZone);
}

/** The clock times of a slot on a day already named, e.g. 09:30–11:30. */
export function formatClockRange(startAt: string, endAt: string, timeZone: string): string {
  return `${timeOf(new Date(startAt), timeZone)}–${timeOf(new Date(endAt), timeZone)}`;
}
