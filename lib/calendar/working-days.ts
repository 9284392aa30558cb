/**
 * Working days under the company holiday calendar. Pure: days are 'YYYY-MM-DD' strings in the
 * organisation's time zone, so the server's TZ never matters.
 *
 * A day is a working day when it is a make-up working day (调休), or a Monday–Friday that is
 * not an official holiday.
 */
import { TZDate } from '@date-fns/tz';

export type DayKind = 'holiday' | 'makeup_workday';
export type HolidayCalendar = ReadonlyMap<string, DayKind>;

const DAY_MS = 86_400_000;

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  const kind = calendar.get(day);
  if (kind === 'makeup_workday') return true;
  if (kind === 'holiday') return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week `day` is in: the calendars' weeks start on Monday. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The `n`-th working day strictly after `day`; `n = 0` is `day` itself. */
export function addWorkingDays(day: string, n: number, calendar: HolidayCalendar): string {
  let current = day;
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: string, calendar: HolidayCalendar): string {
  let current = day;
  while (!isWorkingDay(current, calendar)) current = addDays(current, 1);
  return current;
}

/** The calendar day of an instant in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  const tz = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tz.getFullYear()}-${pad(tz.getMonth() + 1)}-${pad(tz.getDate())}`;
}

/** Minutes since midnight of an instant's wall-clock time in a time zone. */
export function minutesInZone(instant: Date, timeZone: string): number {
  const tz = new TZDate(instant.getTime(), timeZone);
  return tz.getHours() * 60 + tz.getMinutes();
}

/** The instant of a wall-clock time ('HH:MM' or 'HH:MM:SS') on a day in a time zone. */
export function zonedInstant(day: string, clock: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/**
 * Staff lead time (product rule 4): a request filed on day D may start on the
 * `leadWorkingDays`-th working day after D at the earliest.
 */
export function earliestStaffStartDay(
  filedAt: Date,
  leadWorkingDays: number,
  timeZone: string,
  calendar: HolidayCalendar,
): string {
  return addWorkingDays(dayInZone(filedAt, timeZone), leadWorkingDays, calendar);
}
