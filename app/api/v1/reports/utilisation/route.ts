/** GET /api/v1/reports/utilisation?from=&to=&groupBy=resource|department|week — booked, used and opening hours per group (admin). */
import { apiRoute } from '@/lib/api/handler';
import { utilisationReport } from '@/lib/reports/utilisation';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, req, locale }) =>
  Response.json(await utilisationReport(db, actor, Object.fromEntries(new URL(req.url).searchParams), locale)),
);
