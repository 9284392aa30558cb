/**
 * GET /api/v1/bookings filters for a caller's own list (admin's list is filtered in SQL by
 * `listBookings`): the same meaning — a booking is in [from, to) when it overlaps it.
 */
import type { BookingFilters, BookingListItem } from '@/lib/booking/queries';

export function matchesBookingFilters(b: BookingListItem, f: BookingFilters): boolean {
  return (
    (!f.status || b.status === f.status) &&
    (!f.resourceId || b.resourceId === f.resourceId) &&
    (!f.requesterKind || b.requesterKind === f.requesterKind) &&
    (!f.from || b.endAt >= f.from) &&
    (!f.to || b.startAt < f.to)
  );
}
