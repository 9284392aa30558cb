/**
 * The time windows of the availability look-ups, written in SQL once: their bound, the range
 * overlap the GiST indexes serve, and instants as epoch milliseconds.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';

const DAY = 86_400_000;
/** Calendar and busy look-ups are bounded so that one request cannot scan the whole table. */
const MAX_RANGE_DAYS = 92;

export function assertRange(from: Date, to: Date): void {
  const span = to.getTime() - from.getTime();
  if (!(span > 0) || span > MAX_RANGE_DAYS * DAY) {
    throw new DomainError('invalid_input', undefined, { fields: { to: ['invalid_range'] } });
  }
}

/**
 * `[startCol, endCol)` overlaps `[from, to)`, written as the range overlap the GiST indexes are
 * built on (slot_holds' exclusion constraint, bookings_calendar_idx), so the index bounds both
 * ends of the window. Two comparisons would leave the index's range column unused.
 */
export function overlaps(startCol: AnyColumn, endCol: AnyColumn, from: Date, to: Date): SQL {
  return sql`tstzrange(${startCol}, ${endCol}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
}

/** A timestamp as epoch milliseconds, computed by PostgreSQL (cheaper than a Date per row). */
export const epochMs = (column: AnyColumn | SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;
