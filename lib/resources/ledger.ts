/**
 * The resource ledger (台账), read-only: every resource's data and its history. Admin only —
 * each function authorizes itself, whatever page or route calls it.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import {
  blackouts,
  bookings,
  departments,
  incidents,
  resources,
  resourceTypes,
  users,
  type Resource,
  type ResourceType,
} from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';

export interface LedgerRow {
  resource: Resource;
  type: ResourceType;
}

/** Every resource, retired ones included, by type then code. */
export async function listLedger(db: Db, actor: Actor): Promise<LedgerRow[]> {
  requireAdmin(actor);
  return db
    .select({ resource: resources, type: resourceTypes })
    .from(resources)
    .innerJoin(resourceTypes, eq(resources.typeId, resourceTypes.id))
    .orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code), asc(resources.code));
}

/** How many bookings the detail page lists (newest start first). */
export const USAGE_LIMIT = 100;

const resourceId = z.uuid();

/** One resource's full ledger entry: data, blackouts, usage history and incident reports. */
export async function getLedgerEntry(db: Db, actor: Actor, id: string) {
  requireAdmin(actor);
  if (!resourceId.safeParse(id).success) throw new DomainError('not_found');

  const [row] = await db
    .select({
      resource: resources,
      type: resourceTypes,
      responsibleUser: { id: users.id, name: users.name, email: users.email, phone: users.phone },
    })
    .from(resources)
    .innerJoin(resourceTypes, eq(resources.typeId, resourceTypes.id))
    .leftJoin(users, eq(resources.responsibleUserId, users.id))
    .where(eq(resources.id, id));
  if (!row) throw new DomainError('not_found');

  const [periods, usage, reports] = await Promise.all([
    db.select().from(blackouts).where(eq(blackouts.resourceId, id)).orderBy(desc(blackouts.startAt)),
    db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        status: bookings.status,
        channel: bookings.channel,
        requesterKind: bookings.requesterKind,
        contactName: bookings.contactName,
        company: bookings.company,
        department: { nameZh: departments.nameZh, nameEn: departments.nameEn },
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        checkedInAt: bookings.checkedInAt,
        checkedOutAt: bookings.checkedOutAt,
        inspectionNote: bookings.inspectionNote,
        inspectedAt: bookings.inspectedAt,
      })
      .from(bookings)
      .leftJoin(departments, eq(bookings.departmentId, departments.id))
      .where(eq(bookings.resourceId, id))
      .orderBy(desc(bookings.startAt))
      .limit(USAGE_LIMIT),
    db.select().from(incidents).where(eq(incidents.resourceId, id)).orderBy(desc(incidents.createdAt)),
  ]);

  return {
    resource: row.resource,
    type: row.type,
    // A left join gives an object of nulls when nobody is linked.
    responsibleUser: row.responsibleUser?.id ? row.responsibleUser : null,
    blackouts: periods,
    usage: usage.map((u) => ({ ...u, department: u.department?.nameZh ? u.department : null })),
    incidents: reports,
  };
}

export type LedgerEntry = Awaited<ReturnType<typeof getLedgerEntry>>;
