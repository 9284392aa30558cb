/**
 * GET /api/v1/rectifications/{id} — one item.
 * PATCH /api/v1/rectifications/{id} {status?, ownerDepartmentId?, dueDate?, note?} — a step of
 * its life (lib/rectifications/state.ts), a reassignment (the desk) or a note.
 */
import { apiRoute } from '@/lib/api/handler';
import { toApiRectification } from '@/lib/api/rectification-schemas';
import { changeRectification } from '@/lib/rectifications/change';
import { getRectification } from '@/lib/rectifications/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => {
  const found = await getRectification(db, actor, params.id);
  return Response.json(toApiRectification(found.item, found.overdue));
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, json }) => {
  await changeRectification(db, actor, params.id, json);
  const found = await getRectification(db, actor, params.id);
  return Response.json(toApiRectification(found.item, found.overdue));
});
