/**
 * GET /api/v1/resources — bookable resources with type, capacity, facilities, notes and hours (signed in); paged by `cursor` and `limit`.
 * POST /api/v1/resources — admin adds one, with the field names GET answers (texts as `{zh, en}`) → 201; a code in use → 409.
 */
import { createResourceBody, resourceEditorInput, withApiPaths } from '@/lib/api/admin-schemas';
import { apiRoute } from '@/lib/api/handler';
import { pageOfList, pageQuery } from '@/lib/api/pagination';
import { toApiResource } from '@/lib/api/serialize';
import { requireAdmin } from '@/lib/authz';
import { listResources } from '@/lib/booking/queries';
import { createResource } from '@/lib/resources/manage';
import { getResourceWithType } from '@/lib/resources/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, query }) => {
  const page = pageOfList(await listResources(db), query(pageQuery));
  return Response.json({ resources: page.items.map(toApiResource), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, actor, body }) => {
  // Who may, before what: a refused caller learns nothing from field messages.
  requireAdmin(actor);
  const input = await body(createResourceBody);
  const { id } = await createResource(db, actor, resourceEditorInput(input, null)).catch(withApiPaths);
  return Response.json(toApiResource(await getResourceWithType(db, id)), { status: 201 });
});
