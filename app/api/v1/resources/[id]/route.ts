/**
 * PATCH /api/v1/resources/{id} — admin changes any of the fields GET answers; the others stay.
 * New hours or buffers that booked uses no longer fit are refused (409 `bookings_outside`,
 * naming them) unless `keepBookings` is true; the bookings are never moved by it.
 */
import { resourceEditorInput, updateResourceBody, withApiPaths } from '@/lib/api/admin-schemas';
import { HttpError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { toApiResource } from '@/lib/api/serialize';
import { getResourceForEdit, updateResource } from '@/lib/resources/manage';
import { getResourceWithType } from '@/lib/resources/queries';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, body }) => {
  const current = await getResourceForEdit(db, actor, params.id);
  const { keepBookings, note, ...change } = await body(updateResourceBody);
  const result = await updateResource(db, actor, current.id, resourceEditorInput(change, current), { keepBookings, note }).catch(withApiPaths);
  if (!result.saved) throw new HttpError('bookings_outside', { references: result.misfits.map((m) => m.reference).join(', ') });
  return Response.json(toApiResource(await getResourceWithType(db, current.id)));
});
