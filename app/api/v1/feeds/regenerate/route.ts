/** POST /api/v1/feeds/regenerate {kind, resourceId?} — a new URL for one feed; the old one stops working. */
import { apiRoute } from '@/lib/api/handler';
import { regenerateFeed } from '@/lib/feeds/feeds';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, actor, json }) => Response.json(await regenerateFeed(db, actor, json)));
