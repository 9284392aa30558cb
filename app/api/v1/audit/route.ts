/**
 * GET /api/v1/audit?from=&to=&actor=&entity=&entityId=&cursor=&limit= — admin reads the audit
 * log, newest first → {items, nextCursor}. The log is append-only: no route writes, changes or
 * deletes it, and this one answers 405 to every such method.
 */
import { toApiAuditEntry } from '@/lib/api/admin-schemas';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { auditQuery, listAudit } from '@/lib/audit/queries';
import { requireAdmin } from '@/lib/authz';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, query }) => {
  requireAdmin(actor);
  const page = await listAudit(db, actor, query(auditQuery));
  return Response.json({ items: page.items.map(toApiAuditEntry), nextCursor: page.nextCursor });
});

export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
