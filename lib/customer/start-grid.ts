/**
 * The public free/busy grid's arithmetic: which half-hour starts of a week the server would
 * accept for a request of a given duration. A start is free only when the booking fits before
 * closing and its hold — the booking widened by the resource's set-up and clean-up buffers,
 * as the exclusion constraint and the blackout check see it — touches no busy time (other
 * bookings' holds and blackouts, as GET /api/v1/public/availability gives them), and when it
 * lies between the earliest start the notice allows and the end of the booking horizon.
 *
 * Every time is the organisation's wall clock: days are 'YYYY-MM-DD' strings and each start's
 * instant is computed in the organisation's zone, never with the browser's offsets. Pure.
 */
import { addDays, dayInZone, isWorkingDay, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { clockOf } from '@/lib/staff-booking/wall-clock';

export const SLOT_MINUTES = 30;
const MINUTE = 60_000;

export interface GridResource {
  /** Wall-clock opening hours in the organisation's zone, 'HH:MM'. */
  opensAt: string;
  closesAt: string;
  workingDaysOnly: boolean;
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
}

export interface GridContext {
  timeZone: string;
  /** The earliest start the customer notice allows (epoch ms). */
  earliest: number;
  /** The last day inside the booking horizon. */
  lastDay: string;
  holidays: HolidayCalendar;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * `free`: can be chosen; `busy`: the half hour itself is taken; `short`: not taken, but a booking
 * of the chosen length (with its buffers) does not fit from here; `unavailable`: too soon.
 */
export type StartState = 'free' | 'busy' | 'short' | 'unavailable';
type ColumnState = 'open' | 'closed' | 'beyond';

export interface Run {
  state: StartState;
  /** Index of the first row and the number of rows. */
  row: number;
  span: number;
}

export interface Column {
  day: string;
  state: ColumnState;
  runs: Run[];
}

export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export function overlaps(busy: readonly Interval[], start: number, end: number): boolean {
  return busy.some((b) => b.start < end && b.end > start);
}

/** The Monday of a day's week. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The half-hour rows of a day between opening and closing, 'HH:MM'. */
export function gridRows(resource: Pick<GridResource, 'opensAt' | 'closesAt'>): string[] {
  const open = minutesOf(resource.opensAt);
  const count = Math.floor((minutesOf(resource.closesAt) - open) / SLOT_MINUTES);
  return Array.from({ length: Math.max(0, count) }, (_, i) => clockOf(open + i * SLOT_MINUTES));
}

/** Whether a booking of `minutes` from `clock` on `day` would be accepted, as far as the grid can tell. */
export function startState(
  resource: GridResource,
  day: string,
  clock: string,
  minutes: number,
  busy: readonly Interval[],
  ctx: GridContext,
): StartState {
  const start = zonedInstant(day, clock, ctx.timeZone).getTime();
  if (start < ctx.earliest) return 'unavailable';
  if (overlaps(busy, start, start + SLOT_MINUTES * MINUTE)) return 'busy';
  const end = start + minutes * MINUTE;
  if (end > zonedInstant(day, resource.closesAt, ctx.timeZone).getTime()) return 'short';
  const holdStart = start - resource.setupBufferMinutes * MINUTE;
  const holdEnd = end + resource.cleanupBufferMinutes * MINUTE;
  return overlaps(busy, holdStart, holdEnd) ? 'short' : 'free';
}

/** The week's columns for a duration, consecutive starts of one state (other than free) merged into runs. */
export function buildColumns(
  resource: GridResource,
  week: string,
  minutes: number,
  busy: readonly Interval[],
  ctx: GridContext,
): Column[] {
  const rows = gridRows(resource);
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(week, i);
    const state: ColumnState =
      day > ctx.lastDay ? 'beyond' : resource.workingDaysOnly && !isWorkingDay(day, ctx.holidays) ? 'closed' : 'open';
    const runs: Run[] = [];
    if (state !== 'open') return { day, state, runs };
    rows.forEach((clock, row) => {
      const cell = startState(resource, day, clock, minutes, busy, ctx);
      const last = runs.at(-1);
      if (cell !== 'free' && last && last.state === cell && last.row + last.span === row) last.span += 1;
      else runs.push({ state: cell, row, span: 1 });
    });
    return { day, state, runs };
  });
}

/**
 * The first day with time the rules leave open (a working day if need be, a start after the
 * notice), so that the calendar does not open on a week with nothing to choose.
 */
export function firstBookableDay(resource: GridResource, ctx: GridContext): string {
  const lastStart = clockOf(minutesOf(resource.closesAt) - SLOT_MINUTES);
  let day = dayInZone(new Date(ctx.earliest), ctx.timeZone);
  for (; day <= ctx.lastDay; day = addDays(day, 1)) {
    const open = !resource.workingDaysOnly || isWorkingDay(day, ctx.holidays);
    if (open && zonedInstant(day, lastStart, ctx.timeZone).getTime() >= ctx.earliest) return day;
  }
  return dayInZone(new Date(ctx.earliest), ctx.timeZone);
}
