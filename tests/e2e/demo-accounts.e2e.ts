/**
 * Demo accounts stay out of real installs (issue 12 item 8), as an operator meets it with the
 * built app: a production server on a fresh embedded database loads nothing; after
 * `npm run db:seed` it refuses to start, in one `Error:` line that says what to do, while the
 * demo accounts keep `demo1234`; after `npm run user:password` for each, it starts and admin
 * signs in with the new password. (The other browser tests run with DEMO_MODE=1.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db';
import { users } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/accounts';
import { setUserPassword } from '@/lib/users/set-password';
import { freePort, spawnBuiltApp, untilHealthy } from '../helpers/app-server';
import { DESKTOP, launchBrowser, signIn } from './browser';

let workDir: string;
let env: NodeJS.ProcessEnv;
let port: number;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'booking-demo-'));
  port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PGLITE_DIR: join(workDir, 'pglite'),
    DATABASE_URL: '',
    DEMO_MODE: '',
    AUTH_SECRET: 'demo-accounts-test-secret-0123456789abcdef',
    APP_URL: `http://127.0.0.1:${port}`,
    DISABLE_SCHEDULER: '1',
  };
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The app's embedded database, opened by the test while no server runs. */
async function withDatabase(task: (db: Db) => Promise<void>): Promise<void> {
  const handle = await openDatabase({ driver: 'pglite', dataDir: env.PGLITE_DIR });
  try {
    await task(handle.db);
  } finally {
    await handle.close();
  }
}

const run = (script: string, args: string[] = [], input?: string) =>
  spawnSync('node_modules/.bin/tsx', [script, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });

describe('demo accounts on a production install', () => {
  // Three production starts and two commands: slower than a page test.
  it('loads nothing, refuses to start with the demo password, and starts once each account has its own', async () => {
    // Started without `npm start`'s socket-address preload, it would have to trust address
    // headers clients write: it stops instead, saying how to start it.
    const bare = spawnBuiltApp(port, env, { preload: false });
    expect(await untilHealthy(bare)).toBe(false);
    expect(bare.server.exitCode).toBe(1);
    expect(bare.output().stderr.trim()).toBe(
      'Error: the socket-address preload is missing: start the server with `npm start` (or set NODE_OPTIONS="--require ./scripts/socket-address.cjs")',
    );

    const first = spawnBuiltApp(port, env);
    expect(await untilHealthy(first)).toBe(true);
    expect(first.output().stdout).not.toContain('demo1234');
    await first.stop();
    await withDatabase(async (db) => expect((await db.select({ n: count() }).from(users))[0].n).toBe(0));

    const seeded = run('scripts/db-seed.ts');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('npm run user:password -- <e-mail>');

    const refused = spawnBuiltApp(port, env);
    expect(await untilHealthy(refused)).toBe(false);
    expect(refused.server.exitCode).toBe(1);
    const errors = refused.output().stderr.split('\n').filter((line) => line.trim());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Error: The demo accounts .*admin@example\.com.* still have the published demo password: /);
    expect(errors[0]).toContain('npm run user:password -- <e-mail>');

    // The command, for admin (a short password refused first); the same domain function for the rest.
    const password = 'a-real-secret-for-admin';
    const short = run('scripts/set-password.ts', ['admin@example.com'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toBe('Error: The new password must be at least 8 characters.');
    const changed = run('scripts/set-password.ts', ['admin@example.com'], `${password}\n`);
    expect(changed.stderr).toBe('');
    expect(changed.stdout.trim()).toBe('New password set for admin@example.com.');
    await withDatabase(async (db) => {
      for (const { email } of DEMO_ACCOUNTS.slice(1)) expect(await setUserPassword(db, email, `${password}-${email}`)).toBe(true);
    });

    const started = spawnBuiltApp(port, env);
    try {
      expect(await untilHealthy(started)).toBe(true);
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ ...DESKTOP, baseURL: `http://127.0.0.1:${port}` });
        const page = await context.newPage();
        await signIn(page, 'admin@example.com', password);
        expect(new URL(page.url()).pathname).toBe('/admin');
      } finally {
        await browser.close();
      }
    } finally {
      await started.stop();
    }
  }, 300_000);
});
