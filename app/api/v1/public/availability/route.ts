/**
 * GET /api/v1/public/availability?resourceId=&from=&to= — busy intervals of one
 * customer-bookable resource (ISO 8601, merged; no names, companies, departments or purposes).
 * `from`/`to` are instants with an offset; at most 31 days per call (422 otherwise).
 */
import { publicApiRoute } from '@/lib/api/public-route';
import { publicAvailability } from '@/lib/customer/public';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = publicApiRoute(async ({ db, query }) => {
  const { resourceId, from, to } = query;
  return Response.json(await publicAvailability(db, { resourceId, from, to }));
});
