/**
 * POST /api/v1/bookings/{id}/{approve|reject|request-info|supplement|confirm|decline|cancel|
 * check-in|check-out|inspect}
 * → 200 with the booking. The domain function decides: 403 for the wrong role, 404 for a
 * booking the caller may not see, 409 `invalid_transition` when the status does not allow it.
 */
import { BOOKING_ACTIONS, isBookingAction, type BookingAction } from '@/lib/api/booking-actions';
import { apiRoute } from '@/lib/api/handler';
import { toApiBooking } from '@/lib/api/serialize';
import { DomainError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string; action: string }>(async ({ db, actor, params, body }) => {
  if (!isBookingAction(params.action)) throw new DomainError('not_found');
  const spec: BookingAction = BOOKING_ACTIONS[params.action];
  const booking = await spec.run(db, actor, params.id, await body(spec.body));
  return Response.json(toApiBooking(booking));
});
