/**
 * GET /api/v1/resources/{id}/calendar.ics — the resource's bookings as an iCalendar feed
 * (signed-in users; busy time with reference and status, lib/api/resource-feed.ts).
 */
import { apiRoute } from '@/lib/api/handler';
import { loadResourceFeed } from '@/lib/api/resource-feed';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params, locale }) => {
  const feed = await loadResourceFeed(db, actor, params.id, locale);
  return new Response(feed.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${feed.filename}"`,
    },
  });
});
