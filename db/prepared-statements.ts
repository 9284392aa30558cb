/**
 * PostgreSQL parses and plans a statement once per connection when postgres-js prepares it, and
 * then only binds and runs it. Drizzle asks postgres-js not to (`prepare: false` unless a query
 * is given a name), so every request paid for parsing and planning each of its statements again
 * — the same few dozen statement texts, thousands of times a minute. This wrapper lets postgres-js
 * prepare them all, on the pool and inside transactions alike. Statements prepared on a
 * connection live as long as it does (postgres-js retires connections after 30–60 minutes).
 */
import type { Sql } from 'postgres';

type Unsafe = (query: string, args?: unknown[], options?: Record<string, unknown>) => unknown;

export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'unsafe') {
        return (query: string, args?: unknown, options?: Record<string, unknown>) => {
          // postgres-js also takes (query, options).
          if (args !== undefined && !Array.isArray(args)) return (value as Unsafe).call(target, query, [], { ...args, prepare: true });
          return (value as Unsafe).call(target, query, args as unknown[] | undefined, { ...options, prepare: true });
        };
      }
      if (key === 'begin' || key === 'savepoint') {
        // The callback's client (the transaction's connection) prepares too.
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: Sql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (inner: Sql) => body(preparingStatements(inner)));
        };
      }
      return value;
    },
  });
}
