/** Reading the audit log (admin only). */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog, type AuditEntity, type AuditEntry } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

/** How many entries a record's history shows (newest first). */
export const HISTORY_LIMIT = 50;

/** The latest changes of one record (a resource, a user …), newest first. */
export async function auditHistory(db: Db, actor: Actor, entity: AuditEntity, entityId: string): Promise<AuditEntry[]> {
  requireAdmin(actor);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.at))
    .limit(HISTORY_LIMIT);
}
