/**
 * Races on real PostgreSQL (PGlite runs one query at a time): a blocking damage report against
 * a new request for the same window, and two notify-waitlist runs at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookings, emailOutbox, waitlistEntries } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import type { UserActor } from '@/lib/authz';
import { isDomainError } from '@/lib/errors';
import { reportIncident } from '@/lib/incidents/report';
import { joinWaitlist } from '@/lib/waitlist/entries';
import { notifyWaitlist } from '@/lib/waitlist/notify';
import { useTestDb } from '../helpers/db';
import { NOW, at, loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';

const { db, handle } = useTestDb();
const TRIALS = 200;
const CODES = ['MR-301', 'MR-302', 'MR-501', 'MR-601'];

/** Weekdays from Tuesday 5 March 2030 on. */
function weekday(n: number): string {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(2030, 2, 5)); days.length <= n; d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days[n];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('damage reports and the waitlist under concurrency (PostgreSQL)', () => {
  let clients: postgres.Sql[] = [];
  let left: Db;
  let right: Db;
  let actors: Record<Who, UserActor>;

  beforeAll(async () => {
    const url = handle().url!;
    clients = [postgres(url, { max: 5, onnotice: () => {} }), postgres(url, { max: 5, onnotice: () => {} })];
    left = drizzle({ client: clients[0], schema }) as unknown as Db;
    right = drizzle({ client: clients[1], schema }) as unknown as Db;
    actors = await loadActors(db());
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
  });

  it(`blocking report ∥ new request for the same window: the request is refused or listed as affected (${TRIALS} trials)`, async () => {
    const resources = await Promise.all(CODES.map((code) => resourceByCode(db(), code)));
    const seen = { refused: 0, affected: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const resource = resources[i % CODES.length];
      const day = weekday(Math.floor(i / (CODES.length * 2)));
      const morning = Math.floor(i / CODES.length) % 2 === 0;
      const reportAt = at(day, morning ? '08:00' : '13:00');
      const blockUntil = at(day, morning ? '12:00' : '17:30');
      const wanted = morning ? slot(day, '09:00', '10:00') : slot(day, '14:00', '15:00');
      const jitter = Math.random() * 4;

      const [request, report] = await Promise.allSettled([
        (async () => {
          if (i % 2 === 1) await pause(jitter);
          return createStaffRequest(
            left,
            actors.staff,
            { resourceId: resource.id, ...wanted, purpose: `抢占 ${i}`, phone: '021-5888 0000' },
            { now: NOW },
          );
        })(),
        (async () => {
          if (i % 2 === 0) await pause(jitter);
          return reportIncident(
            right,
            actors.admin,
            resource.id,
            { severity: 'blocking', description: `故障 ${i}`, blockUntil: blockUntil.toISOString() },
            { now: reportAt },
          );
        })(),
      ]);
      expect(report.status).toBe('fulfilled');
      const { affectedBookings } = (report as PromiseFulfilledResult<Awaited<ReturnType<typeof reportIncident>>>).value;
      if (request.status === 'fulfilled') {
        // It committed first: the report must have seen it, and its applicant is told once.
        seen.affected++;
        expect(affectedBookings.map((b) => b.id)).toEqual([request.value.id]);
        const mails = await db()
          .select({ template: emailOutbox.template })
          .from(emailOutbox)
          .where(eq(emailOutbox.bookingId, request.value.id));
        expect(mails.map((m) => m.template).sort()).toEqual(['incident-affected', 'request-received']);
      } else {
        seen.refused++;
        expect(isDomainError(request.reason) && request.reason.code).toBe('slot_taken');
        expect(affectedBookings).toEqual([]);
      }
    }
    expect(seen.affected + seen.refused).toBe(TRIALS);
    console.log('[incident race]', seen);
  });

  it('two notify-waitlist runs at once tell the earliest fitting waiter exactly once', async () => {
    const resource = await resourceByCode(db(), 'SW-B1');
    for (let i = 0; i < 20; i++) {
      const wanted = slot(weekday(40 + i), '10:00', '11:00');
      const taken = await seedBooking(db(), { resourceId: resource.id, ...wanted, status: 'confirmed', requester: actors.staff });
      const first = await joinWaitlist(db(), actors.staff2, { resourceId: resource.id, ...wanted }, { now: NOW });
      const second = await joinWaitlist(db(), actors.service, { resourceId: resource.id, ...wanted }, { now: new Date(NOW.getTime() + 1000) });
      await db().update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, taken.id));

      const now = new Date(NOW.getTime() + 60_000);
      const runs = await Promise.all([notifyWaitlist(left, now), notifyWaitlist(right, now)]);
      expect(runs.map((r) => r.notified).sort()).toEqual([0, 1]);
      const entries = await db()
        .select()
        .from(waitlistEntries)
        .where(inArray(waitlistEntries.id, [first.id, second.id]));
      expect(entries.find((e) => e.id === first.id)?.status).toBe('notified');
      expect(entries.find((e) => e.id === second.id)?.status).toBe('waiting');
      const mails = await db()
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.template, 'waitlist-slot-free'), inArray(emailOutbox.dedupeKey, [`waitlist:${first.id}`, `waitlist:${second.id}`])));
      expect(mails.map((m) => m.toAddress)).toEqual([actors.staff2.email]);
    }
  });
});
