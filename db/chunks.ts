import { sql, type SQL } from 'drizzle-orm';

/**
 * PostgreSQL's protocol allows at most 65,535 parameters in one statement, so multi-row writes
 * and `IN (…)` lists over a set of unknown size go in slices of this many items (a row of up
 * to 60 columns still fits).
 */
export const STATEMENT_CHUNK = 1000;

export function* chunks<T>(items: readonly T[], size: number = STATEMENT_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Rows sent as one JSON document (`jsonb_to_recordset`) have no parameter limit; slices of this
 * many keep one statement's document to a few megabytes.
 */
export const JSON_CHUNK = 5000;

/** `= ${anyUuid(ids)}`: a set of ids of any size as one parameter (a uuid[] literal). */
export function anyUuid(ids: readonly string[]): SQL {
  return sql`any(${`{${ids.join(',')}}`}::uuid[])`;
}
