/**
 * Admin's list of completed bookings still to inspect: those checked out with an issue or never
 * checked out first, then the most recent. Each row links to the booking, where the inspection
 * is recorded.
 */
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export interface InspectionQueueItem {
  id: string;
  reference: string;
  resourceCode: string;
  resourceNameZh: string;
  resourceNameEn: string;
  contactName: string;
  startAt: Date;
  endAt: Date;
  checkedOutAt: Date | null;
  checkoutCondition: 'ok' | 'issue' | null;
  notCheckedOut: boolean;
}

export async function inspectionQueue(db: Db, actor: Actor, opts: { limit?: number } = {}): Promise<InspectionQueueItem[]> {
  requireAdmin(actor);
  const needsLook = or(eq(bookings.checkoutCondition, 'issue'), eq(bookings.notCheckedOut, true));
  return db
    .select({
      id: bookings.id,
      reference: bookings.reference,
      resourceCode: resources.code,
      resourceNameZh: resources.nameZh,
      resourceNameEn: resources.nameEn,
      contactName: bookings.contactName,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      checkedOutAt: bookings.checkedOutAt,
      checkoutCondition: bookings.checkoutCondition,
      notCheckedOut: bookings.notCheckedOut,
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(and(eq(bookings.status, 'completed'), isNull(bookings.inspectedAt)))
    .orderBy(desc(sql`coalesce(${needsLook}, false)`), desc(bookings.endAt))
    .limit(opts.limit ?? 200);
}
