/** Reading the audit log (admin only): one record's history, and the whole log filtered and paged. */
import { and, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { auditEntity, auditLog, type AuditEntity, type AuditEntry } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { parseInput, STAFF_FIELD_MESSAGES } from '@/lib/booking/schemas';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import { decodeCursor, pageOf, pageQueryShape, type Page } from '@/lib/api/pagination';
import { getSettings } from '@/lib/settings';
import { dayField } from '@/lib/validation/fields';

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

/**
 * The log's filters, as the page's form and `GET /api/v1/audit` send them: days (inclusive, in
 * the organisation's zone), the acting user's id, the kind of record and its id.
 */
export const auditQuery = z
  .object({
    from: dayField(STAFF_FIELD_MESSAGES).optional(),
    to: dayField(STAFF_FIELD_MESSAGES).optional(),
    actor: z.uuid({ error: 'invalid_id' }).optional(),
    entity: z.enum(auditEntity.enumValues, { error: 'invalid_choice' }).optional(),
    entityId: z.string().trim().max(100, { error: 'too_long' }).optional(),
    ...pageQueryShape,
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'invalid_range', path: ['to'] });
export type AuditQuery = z.input<typeof auditQuery>;

/** The sort key a cursor carries: the entry's time (ISO) and id, newest first. */
const cursorShape = z.tuple([z.iso.datetime(), z.uuid()]);

/**
 * One page of the log, newest first, keyed on (at, id) so that entries written while paging
 * never repeat or skip one. Served by `audit_log_at_idx` (and `audit_log_entity_idx` with an entity).
 */
export async function listAudit(db: Db, actor: Actor, input: unknown): Promise<Page<AuditEntry>> {
  requireAdmin(actor);
  const q = parseInput(auditQuery, input);
  const where: SQL[] = [];
  if (q.from || q.to) {
    const { timeZone } = await getSettings(db);
    if (q.from) where.push(gte(auditLog.at, zonedInstant(q.from, '00:00', timeZone)));
    if (q.to) where.push(lt(auditLog.at, zonedInstant(addDays(q.to, 1), '00:00', timeZone)));
  }
  if (q.actor) where.push(eq(auditLog.actorUserId, q.actor));
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, cursorShape);
    const after = new Date(at);
    where.push(or(lt(auditLog.at, after), and(eq(auditLog.at, after), lt(auditLog.id, id)))!);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (entry) => [entry.at.toISOString(), entry.id]);
}
