/**
 * Demo accounts stay out of real installs (issue 12 item 8): the embedded database loads the
 * demo data on its own only in development or with DEMO_MODE=1, and a production start is
 * refused while a demo account keeps the published password, until an operator gives each a
 * new one (`npm run user:password`, lib/users/set-password.ts).
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type DbHandle } from '@/db';
import { users } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/credentials';
import { ConfigError } from '@/lib/config-error';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { assertNoDemoPasswords, demoAccountsWithDemoPassword, isDemoInstall, loadDemoDataIfWanted } from '@/lib/demo/install';
import { setUserPassword } from '@/lib/users/set-password';
import { testDriver, useTestDb } from '../helpers/db';
import { adminUrl, databaseUrl } from '../helpers/db-names';

const PRODUCTION = { NODE_ENV: 'production' };
const DEMO_SERVER = { NODE_ENV: 'production', DEMO_MODE: '1' };
const DEVELOPMENT = { NODE_ENV: 'development' };

const { db } = useTestDb();

describe('which installs are demo installs', () => {
  it('development and tests are; production only with DEMO_MODE=1', () => {
    expect(isDemoInstall(DEVELOPMENT)).toBe(true);
    expect(isDemoInstall({ NODE_ENV: 'test' })).toBe(true);
    expect(isDemoInstall(PRODUCTION)).toBe(false);
    expect(isDemoInstall({ ...PRODUCTION, DEMO_MODE: 'true' })).toBe(false);
    expect(isDemoInstall(DEMO_SERVER)).toBe(true);
  });
});

// The two start-up checks below open databases of their own and read no TEST_DB_DRIVER: each
// runs in its own driver's project only, since a second run would repeat the same work.
if (testDriver === 'pglite') describe('the embedded database at start-up', () => {
  let fresh: DbHandle;
  beforeAll(async () => {
    fresh = await openDatabase({ driver: 'pglite' });
    await migrateDatabase(fresh);
  });
  afterAll(() => fresh?.close());
  const accounts = async () => (await fresh.db.select({ n: count() }).from(users))[0].n;

  it('stays empty in production, and gets the demo data once in development', async () => {
    expect(await loadDemoDataIfWanted(fresh, PRODUCTION)).toBe(false);
    expect(await accounts()).toBe(0);
    expect(await loadDemoDataIfWanted(fresh, DEVELOPMENT)).toBe(true);
    expect(await accounts()).toBe(DEMO_ACCOUNTS.length);
    expect(await loadDemoDataIfWanted(fresh, DEMO_SERVER)).toBe(false);
  });
});

if (testDriver === 'postgres') describe('PostgreSQL at start-up', () => {
  it('never gets demo data on its own, not even in development (`npm run db:seed` loads it); unmigrated, it says so', async () => {
    const name = `booking_test_empty_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(name) });
    try {
      // Not migrated yet: a production start says what to run.
      await expect(assertNoDemoPasswords(handle.db, PRODUCTION)).rejects.toThrow(/^The database has no tables yet: run `npm run db:migrate`/);
      await migrateDatabase(handle);
      expect(await loadDemoDataIfWanted(handle, DEVELOPMENT)).toBe(false);
      expect((await handle.db.select({ n: count() }).from(users))[0].n).toBe(0);
    } finally {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
    }
  });
});

describe(`demo passwords on a production start (${testDriver})`, () => {
  it('refuses while any demo account keeps the demo password, naming each and what to do', async () => {
    const error = await assertNoDemoPasswords(db(), PRODUCTION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const { email } of DEMO_ACCOUNTS) expect(message).toContain(email);
    expect(message).toContain('npm run user:password -- <e-mail>');
    expect(message).toContain('DEMO_MODE=1');
    expect(message).not.toContain('\n');
  });

  it('lets a demo or development server start with them', async () => {
    await expect(assertNoDemoPasswords(db(), DEMO_SERVER)).resolves.toBeUndefined();
    await expect(assertNoDemoPasswords(db(), DEVELOPMENT)).resolves.toBeUndefined();
  });

  it('starts once every demo account has a new password, or is disabled', async () => {
    expect(await setUserPassword(db(), 'ADMIN@example.com', 'a long new secret')).toBe(true);
    expect(await setUserPassword(db(), 'service@example.com', 'another secret 2')).toBe(true);
    expect(await demoAccountsWithDemoPassword(db())).toEqual(['staff2@example.com', 'staff@example.com']);
    await expect(assertNoDemoPasswords(db(), PRODUCTION)).rejects.toThrow(/^The demo accounts staff2@example\.com, staff@example\.com still have/);

    await db().update(users).set({ active: false }).where(eq(users.email, 'staff2@example.com'));
    await expect(assertNoDemoPasswords(db(), PRODUCTION)).rejects.toThrow(/^The demo account staff@example\.com still has/);
    expect(await setUserPassword(db(), 'staff@example.com', 'a third secret!')).toBe(true);
    await expect(assertNoDemoPasswords(db(), PRODUCTION)).resolves.toBeUndefined();

    expect(await verifyCredentials(db(), 'admin@example.com', DEMO_PASSWORD)).toBeNull();
    expect(await verifyCredentials(db(), 'admin@example.com', 'a long new secret')).toMatchObject({ email: 'admin@example.com' });
  });

  it('sets no password that is short or the demo one, and says when the account does not exist', async () => {
    await expect(setUserPassword(db(), 'admin@example.com', 'short')).rejects.toThrow(/at least 8 characters/);
    await expect(setUserPassword(db(), 'admin@example.com', DEMO_PASSWORD)).rejects.toThrow(/demo password/);
    expect(await setUserPassword(db(), 'nobody@example.com', 'a long new secret')).toBe(false);
  });
});
