/**
 * POST /api/v1/bookings/{id}/request-change → 201 with the change request: the applicant asks to
 * move a held booking. 409 `slot_taken` with alternatives, 422 `change_too_late` with
 * `params.deadline`; the domain function authorizes (404 for a booking the caller may not see).
 */
import { apiRoute } from '@/lib/api/handler';
import { changeSlotBody } from '@/lib/api/schemas';
import { toApiChangeRequest } from '@/lib/api/serialize';
import { requestChange } from '@/lib/booking/request-change';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params, body }) => {
  const input = await body(changeSlotBody);
  const change = await requestChange(db, actor, { bookingId: params.id, ...input });
  return Response.json(toApiChangeRequest(change), { status: 201 });
});
