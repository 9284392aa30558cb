/**
 * Admin's undelivered-mail lists (lib/mail/outbox-admin.ts): dead letters are a list of their
 * own, a page at a time, so that no queue however long pushes them out of sight (issue 12 item
 * 13 — the page used to show at most 500 rows, queued mail first).
 */
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { listUndeliveredMail, MAIL_PAGE_SIZE } from '@/lib/mail/outbox-admin';
import { expectDomainError, NOW, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const MINUTE = 60_000;

const rows = (status: 'pending' | 'dead', count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    dedupeKey: `${prefix}-${i}`,
    template: 'approved',
    toAddress: `${prefix}-${i}@example.com`,
    locale: 'zh' as const,
    payload: {},
    status,
    attempts: status === 'dead' ? 8 : 1,
    nextAttemptAt: new Date(NOW.getTime() + i * MINUTE),
    lastError: 'connect ECONNREFUSED',
  }));

describe('undelivered mail', () => {
  it('shows every dead letter, a page at a time, however long the queue', async () => {
    await db().insert(emailOutbox).values(rows('pending', 620, 'queued'));
    await db().insert(emailOutbox).values(rows('dead', 120, 'dead'));

    const first = await listUndeliveredMail(db(), actors.admin, { status: 'dead' });
    expect(first).toMatchObject({ page: 1, pageCount: Math.ceil(120 / MAIL_PAGE_SIZE), total: 120 });
    expect(first.rows).toHaveLength(MAIL_PAGE_SIZE);
    expect(first.rows.every((r) => r.status === 'dead')).toBe(true);
    // Newest failures first.
    expect(first.rows[0].to).toBe('dead-119@example.com');

    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      for (const row of (await listUndeliveredMail(db(), actors.admin, { status: 'dead', page })).rows) seen.add(row.id);
    }
    expect(seen.size).toBe(120);

    const queue = await listUndeliveredMail(db(), actors.admin, { status: 'pending', page: 2 });
    expect(queue).toMatchObject({ page: 2, total: 620 });
    expect(queue.rows[0].to).toBe(`queued-${MAIL_PAGE_SIZE}@example.com`);
    // A page past the end is the last one.
    expect((await listUndeliveredMail(db(), actors.admin, { status: 'dead', page: 99 })).page).toBe(first.pageCount);
  });

  it('is admin only', async () => {
    for (const actor of [actors.staff, actors.service]) {
      await expectDomainError(listUndeliveredMail(db(), actor, { status: 'dead' }), 'forbidden');
    }
  });
});
