/**
 * Builds, once per run, a migrated and seeded template for the project's driver: a PostgreSQL
 * template database or a PGlite data-directory snapshot. Every test file starts from a copy
 * (tests/helpers/db.ts), so files run in parallel without seeing each other's data.
 *
 * The PostgreSQL projects (db-postgres, integration) share one template: vitest runs the global
 * setups one after another before any test, so a second identical build only kept both workers
 * waiting. It is dropped when the last project using it tears down.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { isNotNull } from 'drizzle-orm';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase, type Db } from '@/db';
import { users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { seedDemoData } from '@/lib/demo/seed';
import { adminUrl, databaseUrl } from './db-names';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteSnapshot: string;
  }
}

/** Global setups of all projects run in this one process; the shared template lives here. */
const shared = globalThis as typeof globalThis & { __bookingPgTemplate?: { name: Promise<string>; users: number } };

/**
 * The demo data, with the demo password stored at bcrypt's lowest cost, as the tests' own
 * accounts are (tests/helpers/cheap-password-hashes.ts): the sign-in tests check it often.
 */
async function seed(db: Db): Promise<void> {
  await seedDemoData(db);
  await db.update(users).set({ passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) }).where(isNotNull(users.passwordHash));
}

async function buildPgTemplate(): Promise<string> {
  const template = `booking_test_template_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(template) });
  await migrateDatabase(handle);
  await seed(handle.db);
  await handle.close();
  return template;
}

export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB_DRIVER === 'pglite') {
    const snapshotPath = join(tmpdir(), `booking-test-pglite-${randomBytes(4).toString('hex')}.tar`);
    const handle = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(handle);
    await seed(handle.db);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    await writeFile(snapshotPath, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await handle.close();
    project.provide('pgliteSnapshot', snapshotPath);
    project.provide('pgTemplate', '');
    return () => rm(snapshotPath, { force: true });
  }

  const entry = (shared.__bookingPgTemplate ??= { name: buildPgTemplate(), users: 0 });
  entry.users++;
  const template = await entry.name;
  project.provide('pgTemplate', template);
  project.provide('pgliteSnapshot', '');
  return async () => {
    if (--entry.users > 0) return;
    shared.__bookingPgTemplate = undefined;
    const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).finally(() => cleanup.end());
  };
}
