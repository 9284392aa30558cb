/**
 * Admin resolves a damage report (notes, when): a blocking report's maintenance ends now, the
 * bookings it flagged are unflagged and their history says so. Resolving twice is refused.
 */
import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { blackouts, bookings, incidentAffectedBookings, incidents, type Incident } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { recordEvent } from '@/lib/booking/events';
import { isUuid } from '@/lib/booking/ids';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { resolveIncidentSchema } from './schemas';

export async function resolveIncident(
  db: Db,
  actor: Actor,
  incidentId: string,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<Incident> {
  const admin = requireAdmin(actor);
  const { notes } = parseInput(resolveIncidentSchema, input);
  const now = opts.now ?? new Date();
  if (!isUuid(incidentId)) throw new DomainError('not_found');

  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).for('update');
    if (!found) throw new DomainError('not_found');
    const [incident] = await tx
      .update(incidents)
      .set({ status: 'resolved', resolution: notes, resolvedAt: now, resolvedById: admin.id })
      .where(and(eq(incidents.id, incidentId), eq(incidents.status, 'open')))
      .returning();
    if (!incident) throw new DomainError('invalid_transition');

    // The maintenance period stays in the ledger, ended now; one not yet begun is dropped.
    await tx.delete(blackouts).where(and(eq(blackouts.incidentId, incidentId), gte(blackouts.startAt, now)));
    await tx
      .update(blackouts)
      .set({ endAt: now })
      .where(and(eq(blackouts.incidentId, incidentId), lt(blackouts.startAt, now), gt(blackouts.endAt, now)));

    const affected = await tx
      .select({ id: bookings.id, status: bookings.status })
      .from(incidentAffectedBookings)
      .innerJoin(bookings, eq(bookings.id, incidentAffectedBookings.bookingId))
      .where(eq(incidentAffectedBookings.incidentId, incidentId));
    if (affected.length > 0) {
      await tx
        .update(bookings)
        .set({ flaggedReason: null, updatedAt: now })
        .where(inArray(bookings.id, affected.map((b) => b.id)));
      for (const booking of affected) {
        await recordEvent(tx, {
          bookingId: booking.id,
          fromStatus: booking.status,
          toStatus: booking.status,
          action: 'incident_resolved',
          actor: admin,
          note: notes,
          data: { incidentId },
        });
      }
    }
    return incident;
  });
}
