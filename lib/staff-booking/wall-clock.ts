/**
 * Wall-clock times in the organisation's time zone, as 'YYYY-MM-DDTHH:mm' strings. The booking
 * calendar and form speak in them: FullCalendar (without a time-zone plugin) only knows the
 * browser's zone and UTC, and a date/time input has no zone at all, so both are fed the
 * organisation's wall clock and the conversion to an instant happens here, in one place.
 * Pure (no server imports): used by the server and in the browser.
 */
import { tzOffset } from '@date-fns/tz';
import { zonedInstant } from '@/lib/calendar/working-days';

export type WallClock = string;

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The clock time ('HH:mm') of a number of minutes since midnight. */
export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const QUARTER_HOUR = 15 * 60_000;
/** A zone's UTC offset (minutes) by quarter hour of UTC time, the grain offsets change on. */
const offsets = new Map<string, number>();

/**
 * The zone's offset at an instant. Asking Intl is by far the costliest step of a conversion
 * (a week's calendar converts thousands of instants), and a zone's offset changes only on
 * quarter-hour boundaries, so it is asked once per zone and quarter hour. The table is a fact
 * about time zones, not a copy of data that can change, so it never goes stale.
 */
function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // Whole minutes, as TZDate keeps them (a few historical offsets have seconds).
    const exact = tzOffset(timeZone, new Date(ms));
    offset = exact > 0 ? Math.floor(exact) : Math.ceil(exact);
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function toWallClock(instant: Date, timeZone: string): WallClock {
  const local = new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
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
