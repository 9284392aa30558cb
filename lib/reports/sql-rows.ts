/**
 * Runs one hand-written statement on either driver and gives its rows: postgres-js answers an
 * array, PGlite an object with `rows`. Statements here return numbers as `float8`/`int4` and
 * days as text, which both drivers hand over the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';

export async function selectRows<T extends object>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * An instant of a report's period, written into the statement as a literal rather than bound as
 * a parameter. Statements are prepared (db/prepared-statements.ts), and after five runs
 * PostgreSQL may keep a generic plan made without the values: it took four weeks (32,200
 * bookings) for the default guess of 5,000 and read them by index in heap order (review times:
 * 82 ms from the sixth run on, against 44 by bitmap). A period's own text gets a plan for its
 * own size, a week's and a year's alike. The text is `toISOString()`'s fixed format, digits and
 * separators only.
 */
export const instant = (date: Date): SQL => sql.raw(`'${date.toISOString()}'::timestamptz`);
