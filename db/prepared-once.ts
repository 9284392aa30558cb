import type { Db } from './index';

/**
 * Hot statements built once per database handle and shape, then only bound and run. Building a
 * statement with the query builder (columns, aliases, the selection's mapping) cost a request more
 * CPU than PostgreSQL spent running it; a prepared query keeps its text and its row mapping, and
 * takes its values as placeholders. A transaction is a handle of its own, so a statement run in
 * one is built for it alone (the rare path: a series' savepoints).
 */
const built = new WeakMap<Db, Map<string, unknown>>();

export function preparedOnce<Q>(db: Db, key: string, build: () => Q): Q {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  let query = statements.get(key) as Q | undefined;
  if (query === undefined) statements.set(key, (query = build()));
  return query;
}
