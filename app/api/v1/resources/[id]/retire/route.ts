/** POST /api/v1/resources/{id}/retire {reason?} — admin takes it out of use for good (history kept) → the bookings still to come. */
import { retireResourceBody, toAffected } from '@/lib/api/admin-schemas';
import { apiRoute } from '@/lib/api/handler';
import { requireAdmin } from '@/lib/authz';
import { retireResource } from '@/lib/resources/manage';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params, body }) => {
  requireAdmin(actor);
  const { upcoming } = await retireResource(db, actor, params.id, await body(retireResourceBody));
  return Response.json({ upcoming: upcoming.map(toAffected) });
});
