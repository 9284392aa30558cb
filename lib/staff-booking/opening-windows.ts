/**
 * When a resource can be booked, day by day, as wall-clock windows in the organisation's zone:
 * its opening hours on the days it is open (working days under the holiday calendar, 调休
 * make-up days included, or every day), optionally limited to the days a staff request may
 * start on. Pure; the calendars shade everything outside these windows.
 */
import type { Resource } from '@/db/schema';
import { addDays, isWorkingDay, type HolidayCalendar } from '@/lib/calendar/working-days';
import { clockTime } from '@/lib/resources/format';
import { clockOf, type WallClock } from './wall-clock';

export interface OpenWindow {
  start: WallClock;
  end: WallClock;
}

/** The first and last day a request may start on, and "now" (a window today starts after it). */
export interface BookingLimits {
  firstDay: string;
  lastDay: string;
  today: string;
  nowMinutes: number;
}

/** Slots start on a quarter hour: a window opening "now" starts at the next one. */
const STEP_MINUTES = 15;

/**
 * Per day in [fromDay, toDay): the resource's opening hours when it is open that day (working
 * days under the holiday calendar with 调休, or every day), within the booking limits if given.
 */
export function openingWindows(
  resource: Pick<Resource, 'opensAt' | 'closesAt' | 'workingDaysOnly'>,
  fromDay: string,
  toDay: string,
  calendar: HolidayCalendar,
  limits: BookingLimits | null,
): OpenWindow[] {
  const opens = clockTime(resource.opensAt);
  const closes = clockTime(resource.closesAt);
  const windows: OpenWindow[] = [];
  for (let day = fromDay; day < toDay; day = addDays(day, 1)) {
    if (resource.workingDaysOnly && !isWorkingDay(day, calendar)) continue;
    if (limits && (day < limits.firstDay || day > limits.lastDay)) continue;
    let start = opens;
    if (limits && day === limits.today) {
      // With no lead time today is bookable, but only from the next quarter hour on.
      const next = Math.ceil((limits.nowMinutes + 1) / STEP_MINUTES) * STEP_MINUTES;
      if (next >= 24 * 60) continue;
      if (clockOf(next) > start) start = clockOf(next);
      if (start >= closes) continue;
    }
    windows.push({ start: `${day}T${start}`, end: `${day}T${closes}` });
  }
  return windows;
}
