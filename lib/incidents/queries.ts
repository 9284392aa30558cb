/** Admin's views of damage reports: the incident list, and open reports per resource for the ledger. */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, incidentAffectedBookings, incidents, resources, users } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export const INCIDENT_PAGE_SIZE = 50;

/** Open reports first, then newest first; each with its resource, reporter and affected bookings. */
export async function listIncidents(db: Db, actor: Actor, opts: { status?: 'open' | 'resolved' } = {}) {
  requireAdmin(actor);
  const rows = await db
    .select({
      incident: incidents,
      resource: { id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn },
      reporterName: users.name,
      bookingReference: bookings.reference,
    })
    .from(incidents)
    .innerJoin(resources, eq(resources.id, incidents.resourceId))
    .leftJoin(users, eq(users.id, incidents.reportedById))
    .leftJoin(bookings, eq(bookings.id, incidents.bookingId))
    .where(opts.status ? eq(incidents.status, opts.status) : undefined)
    .orderBy(sql`${incidents.status} = 'resolved'`, desc(incidents.createdAt))
    .limit(INCIDENT_PAGE_SIZE);
  const ids = rows.map((r) => r.incident.id);
  const affected =
    ids.length === 0
      ? []
      : await db
          .select({
            incidentId: incidentAffectedBookings.incidentId,
            id: bookings.id,
            reference: bookings.reference,
            status: bookings.status,
            startAt: bookings.startAt,
            endAt: bookings.endAt,
          })
          .from(incidentAffectedBookings)
          .innerJoin(bookings, eq(bookings.id, incidentAffectedBookings.bookingId))
          .where(inArray(incidentAffectedBookings.incidentId, ids))
          .orderBy(asc(bookings.startAt));
  return rows.map((r) => ({ ...r, affected: affected.filter((a) => a.incidentId === r.incident.id) }));
}

export type IncidentListRow = Awaited<ReturnType<typeof listIncidents>>[number];

/** How many open reports each resource has (only resources with any). */
export async function openIncidentCounts(db: Db, actor: Actor): Promise<Map<string, { open: number; blocking: number }>> {
  requireAdmin(actor);
  const rows = await db
    .select({
      resourceId: incidents.resourceId,
      open: count(),
      blocking: sql<number>`count(*) filter (where ${incidents.takesOutOfService})`.mapWith(Number),
    })
    .from(incidents)
    .where(and(eq(incidents.status, 'open')))
    .groupBy(incidents.resourceId);
  return new Map(rows.map((r) => [r.resourceId, { open: r.open, blocking: r.blocking }]));
}
