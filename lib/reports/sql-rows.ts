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

/** An instant as a parameter of a hand-written statement (drizzle hands Dates to neither driver's serializer). */
export const instant = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;
