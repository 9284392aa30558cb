/**
 * GET /api/v1/bookings — the caller's own bookings; admin: every booking, filterable by
 * status, resourceId, requesterKind and a [from, to) window; paged by `cursor` and `limit`.
 * POST /api/v1/bookings — a staff request for oneself → 201 with the booking and its Location.
 */
import { z } from 'zod';
import { apiRoute } from '@/lib/api/handler';
import { decodeCursor, pageOf } from '@/lib/api/pagination';
import { withProfilePhone } from '@/lib/api/profile-phone';
import { bookingListQuery, createBookingBody } from '@/lib/api/schemas';
import { toApiBooking, toApiBookingListItem } from '@/lib/api/serialize';
import { createStaffRequest } from '@/lib/booking/create';
import { listBookings, listMyBookings } from '@/lib/booking/queries';

export const dynamic = 'force-dynamic';

const cursorKey = z.tuple([z.iso.datetime(), z.uuid()]);

export const GET = apiRoute(async ({ db, actor, query }) => {
  const { from, to, cursor, limit, ...rest } = query(bookingListQuery);
  const filters = { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
  const after = cursor ? decodeCursor(cursor, cursorKey) : undefined;
  const listPage = { limit, after: after && { startAt: new Date(after[0]), id: after[1] } };
  const rows =
    actor.kind === 'user' && actor.role === 'admin'
      ? await listBookings(db, actor, filters, listPage)
      : await listMyBookings(db, actor, filters, listPage);
  const page = pageOf(rows, limit, (b) => [b.startAt.toISOString(), b.id]);
  return Response.json({ bookings: page.items.map(toApiBookingListItem), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, actor, body }) => {
  const input = await withProfilePhone(db, actor, await body(createBookingBody));
  const booking = await createStaffRequest(db, actor, input);
  return Response.json(toApiBooking(booking), {
    status: 201,
    headers: { Location: `/api/v1/bookings/${booking.id}` },
  });
});
