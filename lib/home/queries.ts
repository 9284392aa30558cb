/** The staff home page's own read model. */
import { desc } from 'drizzle-orm';
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

/** The signed-in person's own most recently submitted bookings. */
export async function latestBookingsFor(db: Db, actor: Actor, limit = 5): Promise<HomeBooking[]> {
  const user = requireUser(actor);
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
    .orderBy(desc(bookings.submittedAt), desc(bookings.reference))
    .limit(Math.min(Math.max(limit, 1), 50));
}
