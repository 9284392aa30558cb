import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('.', import.meta.url)),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  'server-only': fileURLToPath(new URL('./tests/helpers/server-only.ts', import.meta.url)),
};

/**
 * Projects:
 * - unit: pure logic, run under two TZ values to prove the server's zone never leaks in;
 * - db-postgres / db-pglite: the same database tests on real PostgreSQL and on PGlite;
 * - integration: HTTP handlers, SMTP and end-to-end domain flows on real PostgreSQL.
 */
const unit = (tz: string) => ({
  resolve: { alias },
  test: { name: `unit (${tz})`, include: ['tests/unit/**/*.test.{ts,tsx}'], env: { TZ: tz } },
});
const db = (driver: 'postgres' | 'pglite') => ({
  resolve: { alias },
  test: {
    name: `db-${driver}`,
    include: ['tests/db/**/*.test.{ts,tsx}'],
    env: { TEST_DB_DRIVER: driver, TZ: 'America/New_York' },
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/cheap-password-hashes.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default leaves a core idle (one worker on two cores), but the database tests
    // spend much of their time waiting on PostgreSQL: a worker per core keeps both busy. Every
    // file has a database of its own, so files never see each other's rows.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      unit('Asia/Shanghai'),
      unit('America/New_York'),
      db('postgres'),
      db('pglite'),
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          env: { TEST_DB_DRIVER: 'postgres', TZ: 'America/New_York' },
          globalSetup: ['tests/helpers/global-setup.ts'],
          setupFiles: ['tests/helpers/cheap-password-hashes.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
