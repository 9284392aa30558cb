/** GET /api/v1/resources — bookable resources with type, capacity, facilities, notes and hours (signed in). */
import { apiRoute } from '@/lib/api/handler';
import { toApiResource } from '@/lib/api/serialize';
import { listResources } from '@/lib/booking/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db }) => {
  const resources = await listResources(db);
  return Response.json({ resources: resources.map(toApiResource) });
});
