/**
 * POST /api/v1/booking-series `{resourceId, startAt, endAt, rrule, purpose, phone, …}` → 201
 * `{seriesId, reference, occurrences: [{n, startAt, endAt, status, bookingId?, reason?, alternatives?}]}`:
 * every free date requested at once, each a booking of the series. 422 for a rule without an
 * end, more than 104 dates or one past the horizon; 409 `slot_taken` when no date is free.
 */
import { apiRoute } from '@/lib/api/handler';
import { createSeries } from '@/lib/booking/series/create';
import { requestBody } from './body';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, actor, json }) =>
  Response.json(await createSeries(db, actor, requestBody(json)), { status: 201 }),
);
