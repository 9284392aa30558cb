/**
 * GET /api/v1/waitlist — the caller's waitlist entries for times not yet over.
 * POST /api/v1/waitlist {resourceId, startAt, endAt} — join the waitlist of a taken slot → 201.
 */
import { apiRoute } from '@/lib/api/handler';
import { toApiWaitlistEntry } from '@/lib/api/usage-schemas';
import { joinWaitlist, joinWaitlistSchema, listMyWaitlist } from '@/lib/waitlist/entries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor }) =>
  Response.json({ entries: (await listMyWaitlist(db, actor)).map(toApiWaitlistEntry) }),
);

export const POST = apiRoute(async ({ db, actor, body }) => {
  const entry = await joinWaitlist(db, actor, await body(joinWaitlistSchema));
  return Response.json(toApiWaitlistEntry(entry), { status: 201 });
});
