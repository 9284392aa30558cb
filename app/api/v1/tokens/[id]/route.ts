/** DELETE /api/v1/tokens/{id} — revokes one of the caller's tokens (admin: anyone's) → 204. */
import { revokeApiToken } from '@/lib/api-access/tokens';
import { apiRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => {
  await revokeApiToken(db, actor, params.id);
  return new Response(null, { status: 204 });
});
