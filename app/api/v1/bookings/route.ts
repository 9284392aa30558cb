/**
 * GET /api/v1/bookings — the bookings the caller may list (admin every one, customer service the
 * customer bookings, staff their own), filtered, sorted and paged by `cursor` and `limit`: the
 * register's query (lib/booking/register.ts).
 * POST /api/v1/bookings — a staff request for oneself → 201 with the booking and its Location.
 */
import { z } from 'zod';
import { apiRoute } from '@/lib/api/handler';
import { decodeCursor, pageOf } from '@/lib/api/pagination';
import { withProfilePhone } from '@/lib/api/profile-phone';
import { bookingListQuery, createBookingBody, registerQueryOf } from '@/lib/api/schemas';
import { toApiBooking, toApiBookingListItem } from '@/lib/api/serialize';
import { createStaffRequest } from '@/lib/booking/create';
import { listBookingsPage, REGISTER_SORTS } from '@/lib/booking/register';

export const dynamic = 'force-dynamic';

/** The sort the cursor was made for, the last row's sort value and its id. */
const cursorKey = z.tuple([z.enum(REGISTER_SORTS), z.string().min(1).max(64), z.uuid()]);

export const GET = apiRoute(async ({ db, actor, query }) => {
  const { cursor, limit, ...filters } = query(bookingListQuery);
  const { sort, filter } = registerQueryOf(filters);
  const after = cursor ? decodeCursor(cursor, cursorKey.refine(([s]) => s === sort)) : undefined;
  const rows = await listBookingsPage(db, actor, { filter, sort, limit, after: after && { key: after[1], id: after[2] } });
  const page = pageOf(rows, limit, (b) => [sort, b.sortKey, b.id]);
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
