/**
 * GET /api/v1/feeds/{token}.ics — a subscribed calendar, for calendar apps without a session
 * (lib/feeds). Answers carry an ETag and Last-Modified; a poll with either that still holds
 * gets 304 without the body. A wrong or replaced token is a plain 404.
 */
import { apiRoute } from '@/lib/api/handler';
import { DomainError } from '@/lib/errors';
import { noteFeedEtag, resolveFeedToken } from '@/lib/feeds/feeds';
import { isNotModified } from '@/lib/feeds/conditional';
import { renderFeed } from '@/lib/feeds/render';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ file: string }>(
  async ({ db, req, params }) => {
    const token = /^(.+)\.ics$/.exec(params.file)?.[1];
    if (!token) throw new DomainError('not_found');
    const { feed, owner } = await resolveFeedToken(db, token);
    const rendered = await renderFeed(db, feed, owner);
    const changedAt = await noteFeedEtag(db, feed, rendered.etag);
    const headers = {
      ETag: rendered.etag,
      'Last-Modified': changedAt.toUTCString(),
      // The URL is a secret: no shared cache keeps it; the app revalidates every poll.
      'Cache-Control': 'private, no-cache',
    };
    if (isNotModified(req.headers, rendered.etag, changedAt)) return new Response(null, { status: 304, headers });
    return new Response(rendered.body, {
      headers: {
        ...headers,
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="${rendered.filename}"`,
      },
    });
  },
  { access: 'public' },
);
