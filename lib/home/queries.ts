/** The staff home page's own read model. */
import { and, desc, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type BookingStatus } from '@/db/schema';
import { requireUser, type Actor } from '@/lib/authz';
import { bookingListWhere, selectBookingList } from '@/lib/booking/list-query';

export interface HomeBooking {
  id: string;
  reference: string;
  status: BookingStatus;
  startAt: Date;
  endAt: Date;
  confirmDeadline: Date | null;
  resource: { id: string; code: string; nameZh: string; nameEn: string };
}

/** Confirmed or under way: on the person's schedule, nothing to do. */
const UPCOMING: BookingStatus[] = ['confirmed', 'in_use'];
/** Still being decided: the person must confirm or supplement, or admin has yet to decide. */
const IN_PROGRESS: BookingStatus[] = ['awaiting_confirmation', 'needs_info', 'pending'];

/**
 * The signed-in person's own bookings for the home page, in the order they matter:
 *  1. upcoming (confirmed or in use, not yet ended), soonest first;
 *  2. those still needing an action — theirs (confirm, supplement) or admin's (review) — soonest first;
 *  3. finished (ended in any way, or past their end), latest first.
 */
export async function homeBookingsFor(db: Db, actor: Actor, limit = 6, now: Date = new Date()): Promise<HomeBooking[]> {
  const user = requireUser(actor);
  const live = (statuses: BookingStatus[]) => and(inArray(bookings.status, statuses), gt(bookings.endAt, now));
  const group = sql`CASE WHEN ${live(UPCOMING)} THEN 0 WHEN ${live(IN_PROGRESS)} THEN 1 ELSE 2 END`;
  return selectBookingList(db, {
    id: bookings.id,
    reference: bookings.reference,
    status: bookings.status,
    startAt: bookings.startAt,
    endAt: bookings.endAt,
    confirmDeadline: bookings.confirmDeadline,
    resource: { id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn },
  })
    .where(bookingListWhere({ requesterUserId: user.id }))
    .orderBy(group, sql`CASE WHEN ${group} < 2 THEN ${bookings.startAt} END ASC`, desc(bookings.startAt), desc(bookings.reference))
    .limit(Math.min(Math.max(limit, 1), 50));
}
