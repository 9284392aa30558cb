/** GET /api/v1/booking-series/{id} → the series and its bookings in occurrence order (applicant or admin; else 404). */
import { apiRoute } from '@/lib/api/handler';
import { toApiBooking } from '@/lib/api/serialize';
import { getSeries } from '@/lib/booking/series/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => {
  const { series, resource, occurrences } = await getSeries(db, actor, params.id);
  return Response.json({
    id: series.id,
    reference: series.reference,
    resourceId: resource.id,
    requesterUserId: series.requesterUserId,
    rrule: series.rrule,
    startAt: series.startAt.toISOString(),
    endAt: series.endAt.toISOString(),
    purpose: series.purpose,
    occurrences: occurrences.map((b) => ({ n: b.occurrenceNo, booking: toApiBooking(b) })),
  });
});
