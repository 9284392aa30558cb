/**
 * No-shows counted per applicant and per department over a period (by booked start), for admin
 * and the reports. Customer bookings count under their contact address.
 */
import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export interface NoShowCounts {
  byApplicant: { requesterUserId: string | null; contactEmail: string | null; noShows: number }[];
  byDepartment: { departmentId: string | null; noShows: number }[];
}

export async function noShowCounts(db: Db, actor: Actor, period: { from: Date; to: Date }): Promise<NoShowCounts> {
  requireAdmin(actor);
  const where = and(eq(bookings.status, 'no_show'), gte(bookings.startAt, period.from), lt(bookings.startAt, period.to));
  const noShows = count();
  const [byApplicant, byDepartment] = await Promise.all([
    db
      .select({ requesterUserId: bookings.requesterUserId, contactEmail: bookings.contactEmail, noShows })
      .from(bookings)
      .where(where)
      .groupBy(bookings.requesterUserId, bookings.contactEmail)
      .orderBy(desc(noShows)),
    db
      .select({ departmentId: bookings.departmentId, noShows })
      .from(bookings)
      .where(where)
      .groupBy(bookings.departmentId)
      .orderBy(desc(noShows)),
  ]);
  return { byApplicant, byDepartment };
}
