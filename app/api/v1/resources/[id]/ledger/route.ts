/** GET /api/v1/resources/{id}/ledger?from=&to= — the resource, its bookings in the period (paged by cursor) and the period's totals (admin). */
import { apiRoute } from '@/lib/api/handler';
import { ledgerQuery, toApiLedger } from '@/lib/api/report-schemas';
import { ledgerUsage } from '@/lib/resources/ledger-usage';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params, query }) => {
  const { from, to, cursor, limit } = query(ledgerQuery);
  return Response.json(toApiLedger(await ledgerUsage(db, actor, params.id, { from, to }, { cursor, limit })));
});
