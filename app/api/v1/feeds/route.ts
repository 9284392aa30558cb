/** GET /api/v1/feeds — the caller's secret feed URLs: personal, and (staff, admin) one per resource. */
import { apiRoute } from '@/lib/api/handler';
import { listMyFeeds } from '@/lib/feeds/feeds';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor }) => Response.json(await listMyFeeds(db, actor)));
