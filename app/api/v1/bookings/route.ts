/**
 * GET /api/v1/bookings — the caller's own bookings; admin: every booking, filterable by
 * status, resourceId, requesterKind and a [from, to) window.
 * POST /api/v1/bookings — a staff request for oneself → 201 with the booking and its Location.
 */
import { apiRoute } from '@/lib/api/handler';
import { withProfilePhone } from '@/lib/api/profile-phone';
import { bookingListQuery, createBookingBody } from '@/lib/api/schemas';
import { toApiBooking, toApiBookingListItem } from '@/lib/api/serialize';
import { createStaffRequest } from '@/lib/booking/create';
import { listBookings, listMyBookings } from '@/lib/booking/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, query }) => {
  const { from, to, ...rest } = query(bookingListQuery);
  const filters = { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
  const bookings =
    actor.kind === 'user' && actor.role === 'admin'
      ? await listBookings(db, actor, filters)
      : await listMyBookings(db, actor, filters);
  return Response.json({ bookings: bookings.map(toApiBookingListItem) });
});

export const POST = apiRoute(async ({ db, actor, body }) => {
  const input = await withProfilePhone(db, actor, await body(createBookingBody));
  const booking = await createStaffRequest(db, actor, input);
  return Response.json(toApiBooking(booking), {
    status: 201,
    headers: { Location: `/api/v1/bookings/${booking.id}` },
  });
});
