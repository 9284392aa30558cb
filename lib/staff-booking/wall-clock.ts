/**
 * Wall-clock times in the organisation's time zone, as 'YYYY-MM-DDTHH:mm' strings. The booking
 * calendar and form speak in them: FullCalendar (without a time-zone plugin) only knows the
 * browser's zone and UTC, and a date/time input has no zone at all, so both are fed the
 * organisation's wall clock and the conversion to an instant happens here, in one place.
 * Pure (no server imports): used by the server and in the browser.
 */
import { dayInZone, minutesInZone, zonedInstant } from '@/lib/calendar/working-days';

export type WallClock = string;

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The clock time ('HH:mm') of a number of minutes since midnight. */
export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function toWallClock(instant: Date, timeZone: string): WallClock {
  return `${dayInZone(instant, timeZone)}T${clockOf(minutesInZone(instant, timeZone))}`;
}

/** The instant of a day and clock time in the zone; null when either is not a valid value. */
export function instantOf(day: string, clock: string, timeZone: string): Date | null {
  if (!DAY.test(day) || !CLOCK.test(clock)) return null;
  const instant = zonedInstant(day, clock, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function splitWallClock(wall: WallClock): { day: string; clock: string } | null {
  const match = WALL_CLOCK.exec(wall);
  return match ? { day: match[1], clock: match[2] } : null;
}
