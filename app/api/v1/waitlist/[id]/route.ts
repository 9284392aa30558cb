/** DELETE /api/v1/waitlist/{id} — the owner (or admin) removes an entry → 204. */
import { apiRoute } from '@/lib/api/handler';
import { leaveWaitlist } from '@/lib/waitlist/entries';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => {
  await leaveWaitlist(db, actor, params.id);
  return new Response(null, { status: 204 });
});
