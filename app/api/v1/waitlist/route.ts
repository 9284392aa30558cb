/**
 * GET /api/v1/waitlist — the caller's waitlist entries for times not yet over (paged: `cursor`, `limit`).
 * POST /api/v1/waitlist {resourceId, startAt, endAt} — join the waitlist of a taken slot → 201.
 */
import { apiRoute } from '@/lib/api/handler';
import { pageOfList, pageQuery } from '@/lib/api/pagination';
import { toApiWaitlistEntry } from '@/lib/api/usage-schemas';
import { joinWaitlist, joinWaitlistSchema, listMyWaitlist } from '@/lib/waitlist/entries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, query }) => {
  const page = pageOfList(await listMyWaitlist(db, actor), query(pageQuery));
  return Response.json({ entries: page.items.map(toApiWaitlistEntry), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, actor, body }) => {
  const entry = await joinWaitlist(db, actor, await body(joinWaitlistSchema));
  return Response.json(toApiWaitlistEntry(entry), { status: 201 });
});
