import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { ConfigError } from './config-error';
import { preparingStatements } from './prepared-statements';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  driver: DriverName;
  close(): Promise<void>;
}

export type DbTarget =
  | { driver: 'postgres'; url: string }
  /** `dataDir` undefined: in memory. `loadDataDir`: start from a dumped snapshot (tests). */
  | { driver: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export const migrationsFolder = join(process.cwd(), 'db', 'migrations');

/** Where the app's database lives: `DATABASE_URL`, else the embedded PGlite directory. */
export function targetFromEnv(env: Record<string, string | undefined> = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { driver: 'postgres', url: validatePostgresUrl(url) };
  // A run-time location, not a source file: keep the build's file tracing out of it.
  const dataDir = resolve(/* turbopackIgnore: true */ env.PGLITE_DIR ?? join(process.cwd(), '.data', 'pglite'));
  return { driver: 'pglite', dataDir };
}

function validatePostgresUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`);
  }
  return url;
}

/**
 * Opens a database. PostgreSQL is checked with one round trip so that an unreachable server
 * stops start-up with a clear message. PGlite (with btree_gist) takes the single-process lock;
 * `dataDir` undefined means in memory (tests).
 */
export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if (target.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(target.url, {
      max: Number(process.env.DB_POOL_MAX ?? 10),
      onnotice: () => {},
      // No JIT compilation: the app's statements are short, and where they are not (reports) the
      // compiling cost more than it saved, measured over a million bookings: a four-week report's
      // busy hours 37 -> 10 ms and its outcomes 62 -> 26 ms, a year's eight sections 3.9 -> 2.9 s.
      connection: { jit: 'off' },
    });
    try {
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 1 }).catch(() => {});
      const host = safeHost(target.url);
      throw new ConfigError(`Cannot reach the database named by DATABASE_URL (${host}): ${(error as Error).message}`);
    }
    return {
      db: drizzle({ client: preparingStatements(client), schema }) as unknown as Db,
      driver: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  if (target.dataDir) {
    const { acquirePgliteLock } = await import('./pglite-lock');
    release = acquirePgliteLock(target.dataDir);
    mkdirSync(dirname(target.dataDir), { recursive: true });
  }
  try {
    const client = await PGlite.create(target.dataDir ?? 'memory://', {
      extensions: { btree_gist },
      loadDataDir: target.loadDataDir,
    });
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw new ConfigError(`Cannot open the embedded database in ${target.dataDir}: ${(error as Error).message}`);
  }
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'invalid URL';
  }
}

/** Applies the committed SQL migrations with the driver's own migrator. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.driver === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}

type Cached = { promise: Promise<DbHandle> };
const globalForDb = globalThis as typeof globalThis & { __appDb?: Cached };

/**
 * The app's database, opened once per process (cached on globalThis so it survives HMR).
 * The embedded database migrates itself; PostgreSQL is migrated by `npm run db:migrate` (or on
 * start with DB_AUTO_MIGRATE=1). Demo data is the app's business, loaded at start-up
 * (lib/startup.ts) or by `npm run db:seed`, never here.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__appDb) {
    const promise = (async () => {
      const target = targetFromEnv();
      const handle = await openDatabase(target);
      if (handle.driver === 'pglite' || process.env.DB_AUTO_MIGRATE === '1') {
        await migrateDatabase(handle);
      }
      return handle;
    })();
    globalForDb.__appDb = { promise };
    // A failed open must not be cached: the next request retries with a clear error.
    promise.catch(() => {
      if (globalForDb.__appDb?.promise === promise) globalForDb.__appDb = undefined;
    });
  }
  return globalForDb.__appDb.promise;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export { schema };
