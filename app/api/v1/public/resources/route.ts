/**
 * GET /api/v1/public/resources — the resources customers may book (no internal fields), with
 * the booking policy a form states up front (time zone, minimum notice, horizon). No sign-in.
 */
import { apiRoute } from '@/lib/api/handler';
import { toApiPublicResource } from '@/lib/api/serialize';
import { listPublicResources, publicBookingPolicy } from '@/lib/customer/public';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = apiRoute(
  async ({ db }) => {
    const [resources, policy] = await Promise.all([listPublicResources(db), publicBookingPolicy(db)]);
    return Response.json({ resources: resources.map(toApiPublicResource), policy });
  },
  { access: 'public' },
);
