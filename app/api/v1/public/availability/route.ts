/**
 * GET /api/v1/public/availability?resourceId=&from=&to= — busy intervals of one
 * customer-bookable resource (ISO 8601, merged; no names, companies, departments or purposes).
 * `from`/`to` are instants with an offset; at most 31 days per call (422 otherwise).
 */
import { apiRoute } from '@/lib/api/handler';
import { publicAvailability } from '@/lib/customer/public';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  async ({ req, db }) => {
    // publicAvailability validates the raw values itself (the page calls it the same way).
    const params = new URL(req.url).searchParams;
    const input = { resourceId: params.get('resourceId'), from: params.get('from'), to: params.get('to') };
    return Response.json(await publicAvailability(db, input));
  },
  { access: 'public' },
);
