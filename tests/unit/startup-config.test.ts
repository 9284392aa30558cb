/**
 * Start-up problems end in one clear line naming what to fix, not a stack trace: a malformed or
 * unreachable DATABASE_URL, and a second process on the embedded database (PGlite has no lock
 * between processes; a second writer would corrupt the directory for good).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, targetFromEnv } from '@/db';
import { acquirePgliteLock } from '@/db/pglite-lock';
import { ConfigError } from '@/lib/config-error';

describe('DATABASE_URL', () => {
  it('refuses a malformed URL, naming the variable', () => {
    expect(() => targetFromEnv({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => targetFromEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => targetFromEnv({ DATABASE_URL: 'mysql://x@localhost/db' })).toThrow(/DATABASE_URL must start with postgres/);
  });

  it('reports an unreachable server as a configuration error naming the variable', async () => {
    const error = await openDatabase({ driver: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error.message)).toMatch(/DATABASE_URL \(127\.0\.0\.1:1\/none\)/);
  });

  it('uses the embedded database when unset', () => {
    expect(targetFromEnv({ PGLITE_DIR: '/tmp/x/pglite' })).toEqual({ driver: 'pglite', dataDir: '/tmp/x/pglite' });
  });
});

describe('the embedded database lock', () => {
  let dir: string;
  let holder: ChildProcess;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pglite-lock-'));
    holder = spawn('sleep', ['60']);
  });
  afterAll(() => {
    holder.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while another live process holds it', () => {
    const dataDir = join(dir, 'held');
    writeFileSync(`${dataDir}.lock`, String(holder.pid));
    expect(() => acquirePgliteLock(dataDir)).toThrow(/in use by another process .*stop it first, or set DATABASE_URL/i);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(holder.pid));
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const dataDir = join(dir, 'stale');
    const dead = spawnSync('true').pid;
    writeFileSync(`${dataDir}.lock`, String(dead));
    const release = acquirePgliteLock(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('makes `npm run db:seed` stop with one line while the app holds the database', () => {
    const dataDir = join(dir, 'app');
    writeFileSync(`${dataDir}.lock`, String(holder.pid));
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/db-seed.ts'], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Error: The embedded database .* is in use by another process/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000); // a process of its own: time for a busy machine
});
