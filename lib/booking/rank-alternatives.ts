/**
 * Ranked alternatives for a slot that cannot be had (product rule 2), computed in memory from
 * busy intervals loaded beforehand, so that the search costs a few queries whatever its width.
 *
 * Order: first the same resource, nearest start first (earlier and later; on a tie the later
 * one, which needs no earlier arrival), stepping 30 minutes over up to 14 days each way; then
 * other resources of the same type with room for the attendees, free at the wanted time,
 * closest capacity first. A candidate is free when its hold — the slot widened by the
 * resource's set-up and clean-up buffers — overlaps no busy interval (holds of other bookings
 * and blackouts); it must also fit the opening hours and working days and start between
 * `notBefore` (now, or the lead time) and `notAfter` (the booking horizon).
 */
import type { HolidayCalendar } from '@/lib/calendar/working-days';
import { fitsOpeningHours, openingOn, type SlotResource } from './rules';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Half-open [start, end) in epoch milliseconds. */
export interface BusyInterval {
  start: number;
  end: number;
}

export type CandidateResource = Pick<
  SlotResource,
  'id' | 'capacity' | 'maxDurationMinutes' | 'opensAt' | 'closesAt' | 'workingDaysOnly' | 'setupBufferMinutes' | 'cleanupBufferMinutes'
> & {
  code: string;
  busy: readonly BusyInterval[];
};

export interface Alternative {
  resourceId: string;
  startAt: string;
  endAt: string;
  kind: 'same_resource' | 'other_resource';
  /** 1 = best. */
  rank: number;
}

export interface RankInput {
  resource: CandidateResource | null;
  /** Other in-service resources of the same type. */
  others: readonly CandidateResource[];
  startAt: Date;
  endAt: Date;
  attendees?: number | null;
  notBefore: Date;
  notAfter: Date;
  timeZone: string;
  calendar: HolidayCalendar;
  limit?: number;
  stepMinutes?: number;
  searchDays?: number;
}

export const MAX_ALTERNATIVES = 6;
/** Same-resource slots shown when other resources also qualify, so both kinds are offered. */
const SAME_RESOURCE_SHARE = 4;

export function isFree(resource: CandidateResource, start: number, end: number): boolean {
  const holdStart = start - resource.setupBufferMinutes * MINUTE;
  const holdEnd = end + resource.cleanupBufferMinutes * MINUTE;
  return resource.busy.every((b) => b.end <= holdStart || b.start >= holdEnd);
}

/**
 * `openingOn` remembered per day and hours for one search: a search checks hundreds of slots on
 * a few dozen days, and the zone arithmetic was most of its time in memory.
 */
function memoOpening(): typeof openingOn {
  const seen = new Map<string, ReturnType<typeof openingOn>>();
  return (resource, day, timeZone, calendar) => {
    const key = `${day} ${resource.opensAt} ${resource.closesAt} ${resource.workingDaysOnly}`;
    if (!seen.has(key)) seen.set(key, openingOn(resource, day, timeZone, calendar));
    return seen.get(key)!;
  };
}

function isUsable(resource: CandidateResource, start: number, end: number, input: RankInput, opening: typeof openingOn): boolean {
  return (
    start >= input.notBefore.getTime() &&
    start < input.notAfter.getTime() &&
    end - start <= resource.maxDurationMinutes * MINUTE &&
    isFree(resource, start, end) &&
    fitsOpeningHours(resource, new Date(start), new Date(end), input.timeZone, input.calendar, opening)
  );
}

function sameResourceSlots(input: RankInput, limit: number, opening: typeof openingOn): Omit<Alternative, 'rank'>[] {
  const { resource } = input;
  if (!resource || limit <= 0) return [];
  const wanted = input.startAt.getTime();
  const duration = input.endAt.getTime() - wanted;
  const step = (input.stepMinutes ?? 30) * MINUTE;
  const maxSteps = Math.floor(((input.searchDays ?? 14) * DAY) / step);
  const found: Omit<Alternative, 'rank'>[] = [];
  for (let k = 1; k <= maxSteps && found.length < limit; k++) {
    for (const start of [wanted + k * step, wanted - k * step]) {
      if (found.length < limit && isUsable(resource, start, start + duration, input, opening)) {
        found.push({
          resourceId: resource.id,
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + duration).toISOString(),
          kind: 'same_resource',
        });
      }
    }
  }
  return found;
}

function otherResourceSlots(input: RankInput, limit: number, opening: typeof openingOn): Omit<Alternative, 'rank'>[] {
  const start = input.startAt.getTime();
  const end = input.endAt.getTime();
  const needed = input.attendees ?? 1;
  const target = input.attendees ?? input.resource?.capacity ?? 1;
  return input.others
    .filter((r) => r.id !== input.resource?.id && r.capacity >= needed && isUsable(r, start, end, input, opening))
    .sort((a, b) => Math.abs(a.capacity - target) - Math.abs(b.capacity - target) || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map((r) => ({ resourceId: r.id, startAt: input.startAt.toISOString(), endAt: input.endAt.toISOString(), kind: 'other_resource' }));
}

export function rankAlternatives(input: RankInput): Alternative[] {
  const limit = input.limit ?? MAX_ALTERNATIVES;
  const opening = memoOpening();
  const others = otherResourceSlots(input, limit, opening);
  const same = sameResourceSlots(input, Math.max(Math.min(SAME_RESOURCE_SHARE, limit), limit - others.length), opening);
  return [...same, ...others.slice(0, limit - same.length)].map((a, i) => ({ ...a, rank: i + 1 }));
}
