/** The maintenance windows admin may still change on a resource (planned, not from a damage report, not over). */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { blackouts } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export async function openMaintenanceWindows(db: Db, actor: Actor, resourceId: string, now = new Date()) {
  requireAdmin(actor);
  return db
    .select()
    .from(blackouts)
    .where(and(eq(blackouts.resourceId, resourceId), eq(blackouts.kind, 'maintenance'), isNull(blackouts.incidentId), gt(blackouts.endAt, now)))
    .orderBy(asc(blackouts.startAt));
}
