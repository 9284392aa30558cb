/**
 * The slot part of the request forms, as wall-clock values in the organisation's zone, and its
 * way to and from the instants the schemas and the server speak. Two shapes:
 *
 * - `durationSlot` (the public page and the service desk): a day, a start and a duration;
 * - `rangeSlot` (staff and admin): a day, a start and an end time.
 *
 * Each also says which of its fields shows an error about `startAt` or `endAt`. Pure, for the
 * browser and the server.
 */
import { clockOf, instantOf, toWallClock } from '@/lib/staff-booking/wall-clock';

const MINUTE = 60_000;
const STEP_MINUTES = 30;

/** ISO instants; '' for a part not chosen yet (the schema says "required"), 'invalid' for one that cannot be read. */
export interface SlotInstants {
  startAt: string;
  endAt: string;
}

export interface SlotCodec<Field extends string> {
  fields: readonly Field[];
  instants(values: Record<Field, string>, timeZone: string): SlotInstants;
  /** A free slot the server offered, as the form's values. */
  fromInstants(slot: SlotInstants, timeZone: string): Record<Field, string>;
  /** The form field that shows an error about the slot's start or end. */
  fieldFor(key: 'startAt' | 'endAt', values: Record<Field, string>): Field;
}

export type DurationSlotField = 'date' | 'startTime' | 'duration';
export type RangeSlotField = 'date' | 'startTime' | 'endTime';

const wallClockOf = (iso: string, timeZone: string) => {
  const [date, clock] = toWallClock(new Date(iso), timeZone).split('T');
  return { date, clock };
};

export const durationSlot: SlotCodec<DurationSlotField> = {
  fields: ['date', 'startTime', 'duration'],
  instants(values, timeZone) {
    const start = values.date && values.startTime ? instantOf(values.date, values.startTime, timeZone) : null;
    const minutes = Number(values.duration);
    if (!start) return { startAt: '', endAt: '' };
    return { startAt: start.toISOString(), endAt: minutes > 0 ? new Date(start.getTime() + minutes * MINUTE).toISOString() : '' };
  },
  fromInstants(slot, timeZone) {
    const { date, clock } = wallClockOf(slot.startAt, timeZone);
    return { date, startTime: clock, duration: String(Math.round((Date.parse(slot.endAt) - Date.parse(slot.startAt)) / MINUTE)) };
  },
  // Without a start there is no end either: that is the start's problem, not the duration's
  // (which always has a value).
  fieldFor: (key, values) => (key === 'endAt' && values.date && values.startTime ? 'duration' : 'startTime'),
};

export const rangeSlot: SlotCodec<RangeSlotField> = {
  fields: ['date', 'startTime', 'endTime'],
  instants(values, timeZone) {
    const instant = (clock: string) =>
      values.date && clock ? (instantOf(values.date, clock, timeZone)?.toISOString() ?? 'invalid') : '';
    return { startAt: instant(values.startTime), endAt: instant(values.endTime) };
  },
  fromInstants(slot, timeZone) {
    const start = wallClockOf(slot.startAt, timeZone);
    return { date: start.date, startTime: start.clock, endTime: wallClockOf(slot.endAt, timeZone).clock };
  },
  // An empty day is what is wrong with both times; a time needs the day to mean anything.
  fieldFor: (key, values) => (!values.date ? 'date' : key === 'startAt' ? 'startTime' : 'endTime'),
};

/** The wall-clock end of a start and a duration, for drawing it; null past midnight. */
export function endClock(startTime: string, duration: string): string | null {
  const minutes = Number(duration);
  if (!/^\d{2}:\d{2}$/.test(startTime) || !(minutes > 0)) return null;
  const end = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) + minutes;
  return end <= 24 * 60 ? clockOf(end) : null;
}

/**
 * The durations offered: half-hour steps up to the resource's maximum and, once a start is
 * chosen, up to closing time. A duration carried over from an alternative stays selectable.
 */
export function durationOptions(
  resource: { maxDurationMinutes: number; closesAt: string } | null,
  startTime: string,
  current: string,
): number[] {
  const max = resource?.maxDurationMinutes ?? 240;
  const closes = resource ? Number(resource.closesAt.slice(0, 2)) * 60 + Number(resource.closesAt.slice(3, 5)) : 24 * 60;
  const start = /^\d{2}:\d{2}$/.test(startTime) ? Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) : null;
  const limit = start === null ? max : Math.min(max, closes - start);
  const options: number[] = [];
  for (let m = STEP_MINUTES; m <= limit; m += STEP_MINUTES) options.push(m);
  const kept = Number(current);
  if (kept > 0 && !options.includes(kept)) options.push(kept);
  return options.sort((a, b) => a - b);
}
