/** GET /api/v1/bookings/{id} — the booking with its history; someone else's (or a malformed id) is 404. */
import { apiRoute } from '@/lib/api/handler';
import { toApiBookingDetail } from '@/lib/api/serialize';
import { getBookingDetail } from '@/lib/booking/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) =>
  Response.json(toApiBookingDetail(await getBookingDetail(db, actor, params.id))),
);
