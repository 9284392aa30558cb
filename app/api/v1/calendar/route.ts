/**
 * GET /api/v1/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD[&resourceIds=a,b,…|&typeId=…][&bookable=true]
 * — what the booking calendars show (lib/staff-booking/calendar-feed.ts): bookings, blackouts,
 * buffers and, for one resource, its bookable windows, as the organisation's wall clock. No
 * resources named: every resource. Signed-in users; the answer depends on who asks, so it may
 * be kept by the browser only (`private`), briefly, and revalidated with its ETag.
 */
import { createHash } from 'node:crypto';
import { apiRoute } from '@/lib/api/handler';
import { feedQuerySchema, loadCalendarFeed } from '@/lib/staff-booking/calendar-feed';

export const dynamic = 'force-dynamic';

/** Long enough to page back and forth through weeks without asking again; short enough to see new bookings. */
const MAX_AGE_SECONDS = 30;

export const GET = apiRoute(async ({ req, db, actor, query }) => {
  const feed = await loadCalendarFeed(db, actor, query(feedQuerySchema));
  const body = JSON.stringify(feed);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'Cache-Control': `private, max-age=${MAX_AGE_SECONDS}`,
    ETag: etag,
    Vary: 'Cookie',
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
});
