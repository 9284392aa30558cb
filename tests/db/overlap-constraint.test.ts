import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, resources, users } from '@/db/schema';
import { pgErrorCode } from '@/db/errors';
import { testDriver, useTestDb } from '../helpers/db';

const { db } = useTestDb();

async function fixture(code: string) {
  const [resource] = await db().select().from(resources).where(eq(resources.code, code));
  const [user] = await db().select().from(users).where(eq(users.email, 'staff@example.com'));
  let n = 0;
  const insert = (start: string, end: string, extra: Partial<typeof bookings.$inferInsert> = {}) =>
    db()
      .insert(bookings)
      .values({
        reference: `T-${code}-${Date.now()}-${n++}-${Math.random()}`,
        resourceId: resource.id,
        requesterKind: 'staff',
        requesterUserId: user.id,
        contactName: user.name,
        contactPhone: '1',
        channel: 'portal',
        startAt: new Date(start),
        endAt: new Date(end),
        ...extra,
      })
      .returning();
  return { resource, insert };
}

describe(`exclusion constraint (${testDriver})`, () => {
  it('refuses an overlapping holding booking with SQLSTATE 23P01', async () => {
    const { insert } = await fixture('MR-302');
    await insert('2030-03-04T02:00:00Z', '2030-03-04T03:00:00Z');
    const error = await insert('2030-03-04T02:30:00Z', '2030-03-04T03:30:00Z').catch((e: unknown) => e);
    expect(pgErrorCode(error)).toBe('23P01');
  });

  it('accepts back-to-back bookings on a resource without buffers', async () => {
    const { insert } = await fixture('MR-302');
    await insert('2030-03-05T02:00:00Z', '2030-03-05T03:00:00Z');
    await expect(insert('2030-03-05T03:00:00Z', '2030-03-05T04:00:00Z')).resolves.toHaveLength(1);
  });

  it('widens the hold by the set-up and clean-up buffers', async () => {
    // SR-101 has 30 min set-up and 30 min clean-up.
    const { insert } = await fixture('SR-101');
    const [first] = await insert('2030-03-06T02:00:00Z', '2030-03-06T03:00:00Z');
    expect(first.holdStart?.toISOString()).toBe('2030-03-06T01:30:00.000Z');
    expect(first.holdEnd?.toISOString()).toBe('2030-03-06T03:30:00.000Z');
    const error = await insert('2030-03-06T03:30:00Z', '2030-03-06T04:00:00Z').catch((e: unknown) => e);
    expect(pgErrorCode(error)).toBe('23P01');
    await expect(insert('2030-03-06T04:00:00Z', '2030-03-06T05:00:00Z')).resolves.toHaveLength(1);
  });

  it.each(['rejected', 'cancelled', 'expired', 'no_show', 'completed'] as const)(
    'an ended (%s) booking does not block',
    async (status) => {
      const { insert, resource } = await fixture('MR-302');
      const [ended] = await insert('2030-03-07T02:00:00Z', '2030-03-07T03:00:00Z');
      await db().update(bookings).set({ status }).where(and(eq(bookings.id, ended.id), eq(bookings.resourceId, resource.id)));
      await expect(insert('2030-03-07T02:00:00Z', '2030-03-07T03:00:00Z')).resolves.toHaveLength(1);
      // clean up for the next status in the table
      await db().delete(bookings).where(eq(bookings.resourceId, resource.id));
    },
  );

  it('a request registered without a hold does not block', async () => {
    const { insert } = await fixture('MR-302');
    await insert('2030-03-08T02:00:00Z', '2030-03-08T03:00:00Z', { holdsSlot: false });
    await expect(insert('2030-03-08T02:00:00Z', '2030-03-08T03:00:00Z')).resolves.toHaveLength(1);
  });
});
