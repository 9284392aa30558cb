/**
 * A resource's use over a period, for the ledger (台账): hours booked, hours used, no-shows and
 * incident reports. Computed in SQL in one query; the period is whole days in the
 * organisation's zone, both ends included, and a booking counts on the day it starts.
 */
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, incidents } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { DomainError } from '@/lib/errors';
import { BOOKINGS_TABLE, hours } from '@/lib/reports/measures';
import { parsePeriod, type Period } from '@/lib/reports/period';
import { getSettings } from '@/lib/settings';

export interface LedgerTotals {
  bookedHours: number;
  usedHours: number;
  noShows: number;
  incidents: number;
}

export async function ledgerTotals(db: Db, actor: Actor, resourceId: string, input: { from: unknown; to: unknown }): Promise<LedgerTotals> {
  requireAdmin(actor);
  if (!isUuid(resourceId)) throw new DomainError('not_found');
  const { timeZone } = await getSettings(db);
  return ledgerTotalsOver(db, resourceId, parsePeriod(input, timeZone));
}

/** The totals over a period already checked (the ledger page and API read them beside the bookings). */
export async function ledgerTotalsOver(db: Db, resourceId: string, period: Period): Promise<LedgerTotals> {
  const { start: from, end: to } = period;
  const [[use], [reports]] = await Promise.all([
    db
      .select({
        booked: sql<string | null>`sum(${BOOKINGS_TABLE.booked})`,
        used: sql<string | null>`sum(${BOOKINGS_TABLE.used})`,
        noShows: sql<number>`count(*) filter (where ${bookings.status} = 'no_show')::int`,
      })
      .from(bookings)
      .where(and(eq(bookings.resourceId, resourceId), gte(bookings.startAt, from), lt(bookings.startAt, to))),
    db
      .select({ n: count() })
      .from(incidents)
      .where(and(eq(incidents.resourceId, resourceId), gte(incidents.createdAt, from), lt(incidents.createdAt, to))),
  ]);
  return { bookedHours: hours(use.booked), usedHours: hours(use.used), noShows: Number(use.noShows), incidents: reports.n };
}
