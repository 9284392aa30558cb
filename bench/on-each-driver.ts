/**
 * The small benchmarks that print figures for both drivers (bench/workflow.ts,
 * bench/no-show-release.ts) run the same body on real PostgreSQL, in a scratch database made
 * for the run and dropped after it, and on the embedded PGlite.
 */
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '@/db';

/**
 * Runs `bench` on each driver `only` names (both when it is undefined). `database` is the
 * scratch database's name on BENCH_DATABASE_URL's server; one left by an aborted run is dropped
 * first.
 */
export async function onEachDriver(only: string | undefined, database: string, bench: (handle: DbHandle) => Promise<void>): Promise<void> {
  if (!only || only === 'postgres') {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const handle = await openDatabase({ driver: 'postgres', url: url.toString() });
    try {
      await bench(handle);
    } finally {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
  if (!only || only === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite' });
    try {
      await bench(handle);
    } finally {
      await handle.close();
    }
  }
}
