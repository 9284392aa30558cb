/**
 * Builds, once per run, a migrated and seeded template for the project's driver: a PostgreSQL
 * template database or a PGlite data-directory snapshot. Every test file starts from a copy
 * (tests/helpers/db.ts), so files run in parallel without seeing each other's data.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '@/db';
import { seedDemoData } from '@/lib/demo/seed';
import { adminUrl, databaseUrl } from './db-names';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  if (project.config.env?.TEST_DB_DRIVER === 'pglite') {
    const snapshotPath = join(tmpdir(), `booking-test-pglite-${runId}.tar`);
    const handle = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    await writeFile(snapshotPath, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await handle.close();
    project.provide('pgliteSnapshot', snapshotPath);
    project.provide('pgTemplate', '');
    return () => rm(snapshotPath, { force: true });
  }

  const template = `booking_test_template_${runId}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(template) });
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  await handle.close();
  project.provide('pgTemplate', template);
  project.provide('pgliteSnapshot', '');
  return async () => {
    const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).finally(() => cleanup.end());
  };
}
