/**
 * GET /api/v1/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD[&resourceIds=a,b,…|&typeId=…][&bookable=true]
 * — what the booking calendars show (lib/staff-booking/calendar-feed.ts): bookings, blackouts,
 * buffers and, for one resource, its bookable windows, as the organisation's wall clock. No
 * resources named: every resource. Signed-in users; the answer depends on who asks, so it may
 * be kept by the browser only (`private`). The browser must ask again every time (`no-cache`)
 * and gets 304 when nothing changed: a kept copy that is reused unasked would go on showing a
 * booking just cancelled or a maintenance just ended, even across a page reload (browsers
 * revalidate only the page itself on reload, not the data it fetches).
 */
import { createHash } from 'node:crypto';
import { apiRoute } from '@/lib/api/handler';
import { feedQuerySchema, loadCalendarFeed } from '@/lib/staff-booking/calendar-feed';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ req, db, actor, query }) => {
  const feed = await loadCalendarFeed(db, actor, query(feedQuerySchema));
  // Encoded once, for the hash and the answer alike: a week of every resource is about a megabyte.
  const body = Buffer.from(JSON.stringify(feed));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'Cache-Control': 'private, no-cache',
    ETag: etag,
    Vary: 'Cookie',
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
});
