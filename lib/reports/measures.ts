/**
 * What the ledger and the reports count, defined once as SQL over a `bookings` row (aliased `b`
 * in hand-written statements, the table itself in drizzle ones).
 */
import { sql, type SQL } from 'drizzle-orm';
import { bookings } from '@/db/schema';

/** Bookings that were granted the slot: confirmed, used, or not turned up to. */
export const BOOKED_STATUSES = ['confirmed', 'in_use', 'completed', 'no_show'] as const;

/** `status in ${BOOKED_IN}` */
export const BOOKED_IN = sql.raw(`(${BOOKED_STATUSES.map((v) => `'${v}'`).join(', ')})`);

/** Seconds booked: the slot's length when the booking was granted (0 otherwise). */
export function bookedSeconds(row: { status: SQL | typeof bookings.status; startAt: SQL | typeof bookings.startAt; endAt: SQL | typeof bookings.endAt }): SQL<number> {
  return sql<number>`case when ${row.status} in ${BOOKED_IN} then extract(epoch from ${row.endAt} - ${row.startAt}) else 0 end`;
}

/** Seconds used: check-in to check-out (to the booked end while still in use or never checked out). */
export function usedSeconds(row: {
  endAt: SQL | typeof bookings.endAt;
  checkedInAt: SQL | typeof bookings.checkedInAt;
  checkedOutAt: SQL | typeof bookings.checkedOutAt;
}): SQL<number> {
  return sql<number>`coalesce(extract(epoch from coalesce(${row.checkedOutAt}, ${row.endAt}) - ${row.checkedInAt}), 0)`;
}

/** The same measures over the `bookings` table as drizzle selects it. */
export const BOOKINGS_TABLE = {
  booked: bookedSeconds(bookings),
  used: usedSeconds(bookings),
};

/** The same measures over a hand-written statement's `bookings b`. */
export const BOOKINGS_ALIAS_B = {
  booked: bookedSeconds({ status: sql`b.status`, startAt: sql`b.start_at`, endAt: sql`b.end_at` }),
  used: usedSeconds({ endAt: sql`b.end_at`, checkedInAt: sql`b.checked_in_at`, checkedOutAt: sql`b.checked_out_at` }),
};

/** Hours from summed seconds, to two decimals (0 for none). */
export const hours = (seconds: number | string | null | undefined) => Math.round((Number(seconds ?? 0) / 3600) * 100) / 100;
