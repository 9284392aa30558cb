/**
 * Clients beside a test's own on its database: `second`, a runner of its own (another pool on
 * PostgreSQL; PGlite is one process, so there it is the test's own client), and `counted`, whose
 * statements are counted in `statements.n` — for tests that prove a job runs in sets.
 */
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { testDriver } from './db';

/**
 * Connections a race test opens for its contenders. PostgreSQL serves 100 connections, shared by
 * the two test workers and each file's own pool: two race files side by side with 50 each ran
 * out ("too many clients"). Thirty transactions at once still race for real; the rest queue.
 */
export const RACE_CONNECTIONS = 30;

export interface SideClients {
  second: Db;
  counted: Db;
  statements: { n: number };
  close(): Promise<void>;
}

export function openSideClients(db: Db, url: string | undefined): SideClients {
  const statements = { n: 0 };
  const logger = { logQuery: () => void statements.n++ };
  if (testDriver === 'postgres') {
    const client = postgres(url!, { max: 10, onnotice: () => {} });
    return {
      second: drizzlePostgres({ client, schema }) as unknown as Db,
      counted: drizzlePostgres({ client, schema, logger }) as unknown as Db,
      statements,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = (db as unknown as { $client: Parameters<typeof drizzlePglite>[0] extends { client?: infer C } ? C : never }).$client;
  return { second: db, counted: drizzlePglite({ client, schema, logger }) as unknown as Db, statements, close: async () => {} };
}
