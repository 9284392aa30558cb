/**
 * GET /api/v1/rectifications?status=&departmentId=&cursor=&limit= — the desk's list (a
 * department contact: its department's), soonest due first.
 * POST /api/v1/rectifications {title, description?, resourceId?, ownerDepartmentId, dueDate, source?}
 * — admin or customer service opens an item; the owner department is e-mailed.
 */
import { apiRoute } from '@/lib/api/handler';
import { rectificationListQuery, toApiRectification, toApiRectificationRow } from '@/lib/api/rectification-schemas';
import { createRectification } from '@/lib/rectifications/create';
import { rectificationPage } from '@/lib/rectifications/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, query }) => {
  const { status, departmentId, cursor, limit } = query(rectificationListQuery);
  const page = await rectificationPage(db, actor, { view: status, departmentId, cursor, limit });
  return Response.json({ items: page.items.map(toApiRectificationRow), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, actor, json }) =>
  Response.json(toApiRectification(await createRectification(db, actor, json), false), { status: 201 }),
);
