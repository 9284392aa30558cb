/** GET /api/v1/resources — bookable resources with type, capacity, facilities, notes and hours (signed in); paged by `cursor` and `limit`. */
import { apiRoute } from '@/lib/api/handler';
import { pageOfList, pageQuery } from '@/lib/api/pagination';
import { toApiResource } from '@/lib/api/serialize';
import { listResources } from '@/lib/booking/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, query }) => {
  const page = pageOfList(await listResources(db), query(pageQuery));
  return Response.json({ resources: page.items.map(toApiResource), nextCursor: page.nextCursor });
});
