/**
 * A fresh, migrated and seeded database for one test file, on the driver the project runs
 * (TEST_DB_DRIVER): a copy of the PostgreSQL template database, or a PGlite loaded from the
 * snapshot. Call `useTestDb()` at the top of a file; `db()` inside tests.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Db, type DbHandle, type DriverName } from '@/db';
import { adminUrl, databaseUrl } from './db-names';

export const testDriver: DriverName = process.env.TEST_DB_DRIVER === 'pglite' ? 'pglite' : 'postgres';

export async function createTestDb(): Promise<DbHandle & { url?: string }> {
  if (testDriver === 'pglite') {
    const snapshot = new Blob([await readFile(inject('pgliteSnapshot'))]);
    return openDatabase({ driver: 'pglite', loadDataDir: snapshot });
  }
  const name = `booking_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    // Copies of one template made at the same moment can collide (55006); retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const handle = await openDatabase({ driver: 'postgres', url });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.end());
    },
  };
}

export function useTestDb(): { db: () => Db; handle: () => DbHandle & { url?: string } } {
  let handle: (DbHandle & { url?: string }) | undefined;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    db: () => {
      if (!handle) throw new Error('useTestDb: database not ready');
      return handle.db;
    },
    handle: () => {
      if (!handle) throw new Error('useTestDb: database not ready');
      return handle;
    },
  };
}
