/**
 * The app's PostgreSQL handle lets postgres-js prepare its statements (db/prepared-statements.ts):
 * a statement run twice on a connection is parsed once, on the pool and inside transactions.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resources } from '@/db/schema';
import { useTestDb } from '../helpers/db';

const { db } = useTestDb();

const prepared = sql<{ statement: string }>`select statement from pg_prepared_statements`;

describe('prepared statements', () => {
  it('a query with parameters is prepared on the connection it runs on, in a transaction too', async () => {
    const statements = await db().transaction(async (tx) => {
      await tx.select({ id: resources.id }).from(resources).where(eq(resources.code, 'MR-301'));
      await tx.select({ id: resources.id }).from(resources).where(eq(resources.code, 'MR-302'));
      return (await tx.execute(prepared)) as unknown as { statement: string }[];
    });
    const mine = statements.filter((s) => s.statement.includes('"resources"."code" = $1'));
    expect(mine).toHaveLength(1);
  });

  it('answers stay right when one statement text is bound to other values', async () => {
    const codes = await Promise.all(
      ['MR-301', 'MR-302', 'MR-501', 'SR-101'].map(async (code) => {
        const [row] = await db().select({ code: resources.code }).from(resources).where(eq(resources.code, code));
        return row?.code;
      }),
    );
    expect(codes).toEqual(['MR-301', 'MR-302', 'MR-501', 'SR-101']);
  });
});
