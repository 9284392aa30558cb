/**
 * GET /api/v1/tokens — the caller's live API tokens with `lastUsedAt`, never the secret (paged).
 * POST /api/v1/tokens {name, scopes, expiresAt?} — a new token → 201 with the secret, shown once.
 */
import { createApiToken, listApiTokens } from '@/lib/api-access/tokens';
import { apiRoute } from '@/lib/api/handler';
import { pageOfList, pageQuery } from '@/lib/api/pagination';
import { toApiToken } from '@/lib/api/token-schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, query }) => {
  const page = pageOfList(await listApiTokens(db, actor), query(pageQuery));
  return Response.json({ tokens: page.items.map(toApiToken), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, actor, json }) => {
  const { token, ...made } = await createApiToken(db, actor, json);
  return Response.json({ ...toApiToken(made), token }, { status: 201 });
});
