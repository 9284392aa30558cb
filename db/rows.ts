import type { SQL } from 'drizzle-orm';
import type { Db } from './index';

/**
 * The rows of a hand-written statement (a data-modifying CTE, an INSERT … SELECT), with their
 * SQL column names: postgres-js answers `execute` with the rows themselves, PGlite with an
 * object that holds them.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
