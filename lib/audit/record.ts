/**
 * Writes the audit log (db/schema.ts `auditLog`): one row per administrative change, in the
 * same transaction as the change, with only the fields that changed before and after. The
 * table is append-only; this module is its one writer.
 */
import type { Db } from '@/db';
import { auditLog, type AuditEntity } from '@/db/schema';
import type { UserActor } from '@/lib/authz';

type Values = Record<string, unknown>;

export interface AuditRecord {
  entity: AuditEntity;
  entityId: string;
  /** What was done — create, update, retire, end, disable, reset_password … — stored as `action`. */
  verb: string;
  before?: Values | null;
  after?: Values | null;
  note?: string;
}

/** A value as JSON keeps it: dates as ISO instants, so that before and after compare alike. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The fields of `after` whose value differs from `before`, with their old and new values.
 * Fields only one side has count as changed. Both sides empty: nothing changed.
 */
export function changedFields(before: Values, after: Values): { before: Values; after: Values } {
  const old: Values = {};
  const now: Values = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = plain(before[key]);
    const b = plain(after[key]);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    old[key] = a ?? null;
    now[key] = b ?? null;
  }
  return { before: old, after: now };
}

export async function recordAudit(db: Db, actor: UserActor, entry: AuditRecord, now = new Date()): Promise<void> {
  await db.insert(auditLog).values({
    at: now,
    actorUserId: actor.id,
    actorName: actor.name,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.verb,
    before: entry.before ?? null,
    after: entry.after ?? null,
    note: entry.note ?? '',
  });
}
