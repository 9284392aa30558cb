/**
 * A resource's use over a period, for the ledger (台账): hours booked, hours used, no-shows and
 * incident reports. Computed in SQL in one query; the period is whole days in the
 * organisation's zone, both ends included, and a booking counts on the day it starts.
 */
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookings, incidents } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';

export interface LedgerTotals {
  bookedHours: number;
  usedHours: number;
  noShows: number;
  incidents: number;
}

/** Bookings that were granted the slot: confirmed, used, or not turned up to. */
const BOOKED = sql`('confirmed', 'in_use', 'completed', 'no_show')`;

const period = z
  .object({ from: z.iso.date('invalid_date'), to: z.iso.date('invalid_date') })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'end_before_start' });

export async function ledgerTotals(db: Db, actor: Actor, resourceId: string, input: { from: unknown; to: unknown }): Promise<LedgerTotals> {
  requireAdmin(actor);
  if (!isUuid(resourceId)) throw new DomainError('not_found');
  const parsed = period.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid_input', undefined, { fields: { to: ['invalid_range'] } });
  const { timeZone } = await getSettings(db);
  const from = zonedInstant(parsed.data.from, '00:00', timeZone);
  const to = zonedInstant(addDays(parsed.data.to, 1), '00:00', timeZone);
  const [[use], [reports]] = await Promise.all([
    db
      .select({
        booked: sql<string | null>`sum(extract(epoch from ${bookings.endAt} - ${bookings.startAt})) filter (where ${bookings.status} in ${BOOKED}) / 3600`,
        used: sql<string | null>`sum(extract(epoch from coalesce(${bookings.checkedOutAt}, ${bookings.endAt}) - ${bookings.checkedInAt})) filter (where ${bookings.checkedInAt} is not null) / 3600`,
        noShows: sql<number>`count(*) filter (where ${bookings.status} = 'no_show')::int`,
      })
      .from(bookings)
      .where(and(eq(bookings.resourceId, resourceId), gte(bookings.startAt, from), lt(bookings.startAt, to))),
    db
      .select({ n: count() })
      .from(incidents)
      .where(and(eq(incidents.resourceId, resourceId), gte(incidents.createdAt, from), lt(incidents.createdAt, to))),
  ]);
  const hours = (value: string | null) => Math.round(Number(value ?? 0) * 100) / 100;
  return { bookedHours: hours(use.booked), usedHours: hours(use.used), noShows: Number(use.noShows), incidents: reports.n };
}
