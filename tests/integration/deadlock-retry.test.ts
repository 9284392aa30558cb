/**
 * retryOnDeadlock on real PostgreSQL: two transactions that lock two rows in opposite order
 * deadlock for certain; PostgreSQL aborts one (40P01), which runs again and finishes — both
 * succeed. Other errors are not retried. (PGlite runs one transaction at a time: no deadlocks.)
 */
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import * as schema from '@/db/schema';
import { departments } from '@/db/schema';
import { useTestDb } from '../helpers/db';

const { handle } = useTestDb();

describe('retryOnDeadlock', () => {
  let clients: postgres.Sql[];
  let dbs: Db[];

  beforeAll(() => {
    clients = [0, 1].map(() => postgres(handle().url!, { max: 1, onnotice: () => {} }));
    dbs = clients.map((client) => drizzle({ client, schema }) as unknown as Db);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
  });

  it('the deadlock victim runs again and both transactions finish', async () => {
    const [first, second] = ['SALES', 'TECH'];
    let arrived = 0;
    let release!: () => void;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const attempts = [0, 0];

    const lockInOrder = (who: number, order: string[]) =>
      retryOnDeadlock(() =>
        dbs[who].transaction(async (tx) => {
          attempts[who]++;
          await tx.execute(sql`select id from departments where code = ${order[0]} for update`);
          // Only the first attempts meet in the middle; a rerun goes straight through.
          if (attempts[who] === 1 && ++arrived === 2) release();
          if (attempts[who] === 1) await bothHoldOne;
          await tx.execute(sql`select id from departments where code = ${order[1]} for update`);
          await tx
            .update(departments)
            .set({ email: `w${who}@example.com` })
            .where(eq(departments.code, order[1]));
          return who;
        }),
      );

    const results = await Promise.all([lockInOrder(0, [first, second]), lockInOrder(1, [second, first])]);
    expect(results).toEqual([0, 1]);
    expect(attempts.sort()).toEqual([1, 2]);
  });

  it('other errors are not retried', async () => {
    let runs = 0;
    await expect(
      retryOnDeadlock(() =>
        dbs[0].transaction(async (tx) => {
          runs++;
          await tx.execute(sql`select 1 / 0`);
        }),
      ),
    ).rejects.toThrow();
    expect(runs).toBe(1);
  });
});
