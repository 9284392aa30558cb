/**
 * Which booked, not yet ended uses of a resource would no longer fit if its opening hours or
 * buffers changed. Bookings keep the buffers they were made with (0001_booking_hold.sql), so a
 * change never moves or cancels anything by itself: the editor lists these and admin decides.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type Resource } from '@/db/schema';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { fitsOpeningHours } from '@/lib/booking/rules';
import { getHolidayCalendar, getSettings } from '@/lib/settings';

export type ScheduleFields = Pick<
  Resource,
  'opensAt' | 'closesAt' | 'workingDaysOnly' | 'setupBufferMinutes' | 'cleanupBufferMinutes'
>;

export interface Misfit {
  id: string;
  reference: string;
  startAt: Date;
  endAt: Date;
  contactName: string;
  /** `hours`: outside the new opening hours or days; `buffers`: too close to a neighbour. */
  reasons: ('hours' | 'buffers')[];
}

const MINUTE = 60_000;

/** Whether the change touches what decides a booking's fit at all. */
export function scheduleChanged(before: ScheduleFields, after: ScheduleFields): boolean {
  return (
    before.opensAt.slice(0, 5) !== after.opensAt.slice(0, 5) ||
    before.closesAt.slice(0, 5) !== after.closesAt.slice(0, 5) ||
    before.workingDaysOnly !== after.workingDaysOnly ||
    before.setupBufferMinutes !== after.setupBufferMinutes ||
    before.cleanupBufferMinutes !== after.cleanupBufferMinutes
  );
}

export async function bookingsThatNoLongerFit(
  db: Db,
  resourceId: string,
  next: ScheduleFields,
  now: Date,
): Promise<Misfit[]> {
  const [rows, settings, calendar] = await Promise.all([
    db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        contactName: bookings.contactName,
        holdsSlot: bookings.holdsSlot,
      })
      .from(bookings)
      .where(and(eq(bookings.resourceId, resourceId), inArray(bookings.status, [...HOLDING_STATUSES]), gt(bookings.endAt, now)))
      .orderBy(asc(bookings.startAt)),
    getSettings(db),
    getHolidayCalendar(db),
  ]);
  const reasons = new Map<string, Set<Misfit['reasons'][number]>>();
  const flag = (id: string, reason: Misfit['reasons'][number]) => (reasons.get(id) ?? reasons.set(id, new Set()).get(id)!).add(reason);

  for (const b of rows) {
    if (!fitsOpeningHours(next, b.startAt, b.endAt, settings.timeZone, calendar)) flag(b.id, 'hours');
  }
  // Neighbours in time order: the earlier one's clean-up and the later one's set-up must fit between them.
  const holding = rows.filter((b) => b.holdsSlot);
  const needed = (next.cleanupBufferMinutes + next.setupBufferMinutes) * MINUTE;
  for (let i = 1; i < holding.length; i++) {
    const [earlier, later] = [holding[i - 1], holding[i]];
    if (later.startAt.getTime() - earlier.endAt.getTime() < needed) {
      flag(earlier.id, 'buffers');
      flag(later.id, 'buffers');
    }
  }
  return rows
    .filter((b) => reasons.has(b.id))
    .map(({ id, reference, startAt, endAt, contactName }) => ({
      id,
      reference,
      startAt,
      endAt,
      contactName,
      reasons: [...reasons.get(id)!].sort(),
    }));
}
