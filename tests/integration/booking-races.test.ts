/**
 * Races on real PostgreSQL (PGlite runs one query at a time, so it cannot race): many clients at
 * once, each with its own connections, and exactly one may win every time.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookingEvents, bookings, emailOutbox } from '@/db/schema';
import { confirmBooking, declineBooking } from '@/lib/booking/applicant';
import { createStaffRequest } from '@/lib/booking/create';
import { expireUnconfirmed } from '@/lib/booking/jobs';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import type { UserActor } from '@/lib/authz';
import { isDomainError } from '@/lib/errors';
import { useTestDb } from '../helpers/db';
import { NOW, loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { RACE_CONNECTIONS } from '../helpers/side-clients';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
const TRIALS = 200;

describe('races on PostgreSQL', () => {
  let clients: postgres.Sql[] = [];
  let wide: Db;
  let other: Db;
  let actors: Record<Who, UserActor>;

  beforeAll(async () => {
    const url = handle().url!;
    clients = [postgres(url, { max: RACE_CONNECTIONS, onnotice: () => {} }), postgres(url, { max: 5, onnotice: () => {} })];
    wide = drizzle({ client: clients[0], schema }) as unknown as Db;
    other = drizzle({ client: clients[1], schema }) as unknown as Db;
    actors = await loadActors(db());
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
  });

  it('50 concurrent requests for overlapping slots: exactly one holds, the rest get alternatives', async () => {
    const resource = await resourceByCode(db(), 'MR-601');
    const people: Who[] = ['staff', 'staff2', 'service', 'admin'];
    const attempts = Array.from({ length: 50 }, (_, i) => {
      // Start times 09:00–10:00 in 5-minute steps, all one hour long: every pair overlaps.
      const minute = (i % 13) * 5;
      const start = `09:${String(minute).padStart(2, '0')}`;
      const end = `10:${String(minute).padStart(2, '0')}`;
      return createStaffRequest(
        wide,
        actors[people[i % people.length]],
        { resourceId: resource.id, ...slot('2030-03-12', start, end), purpose: `抢占测试 ${i}`, phone: '021-5888 0000' },
        { now: NOW },
      );
    });
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) {
      expect(isDomainError(r.reason) && r.reason.code).toBe('slot_taken');
      expect(r.reason.details.alternatives.length).toBeGreaterThan(0);
    }
    const holding = await db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.resourceId, resource.id), inArray(bookings.status, [...HOLDING_STATUSES])));
    expect(holding.filter((b) => b.startAt.toISOString().startsWith('2030-03-12'))).toHaveLength(1);
  });

  async function awaitingBooking(i: number, resourceId: string) {
    const startAt = new Date(Date.UTC(2030, 6, 1) + i * 2 * HOUR);
    return seedBooking(db(), {
      resourceId,
      startAt,
      endAt: new Date(startAt.getTime() + HOUR),
      status: 'awaiting_confirmation',
      requester: actors.staff,
      approvedAt: NOW,
      confirmDeadline: new Date(NOW.getTime() + 24 * HOUR),
    });
  }

  async function outcome(bookingId: string) {
    const [row] = await db().select().from(bookings).where(eq(bookings.id, bookingId));
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId));
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
    return { status: row.status, actions: events.map((e) => e.action), templates: mails.map((m) => m.template) };
  }

  it(`confirm ∥ decline: exactly one wins (${TRIALS} trials)`, async () => {
    const resource = await resourceByCode(db(), 'MR-302');
    const wins = { confirm: 0, decline: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const booking = await awaitingBooking(i, resource.id);
      const [confirm, decline] = await Promise.allSettled([
        confirmBooking(wide, actors.staff, { bookingId: booking.id }, { now: NOW }),
        declineBooking(other, actors.staff, { bookingId: booking.id, reason: '冲突' }, { now: NOW }),
      ]);
      expect([confirm.status, decline.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const loser = confirm.status === 'rejected' ? confirm : (decline as PromiseRejectedResult);
      expect(isDomainError(loser.reason) && loser.reason.code).toBe('invalid_transition');
      const result = await outcome(booking.id);
      if (confirm.status === 'fulfilled') {
        wins.confirm++;
        expect(result).toEqual({ status: 'confirmed', actions: ['confirm'], templates: ['confirmed'] });
      } else {
        wins.decline++;
        expect(result).toEqual({ status: 'cancelled', actions: ['decline'], templates: ['declined'] });
      }
    }
    expect(wins.confirm + wins.decline).toBe(TRIALS);
  });

  it(`confirm ∥ expire: exactly one wins (${TRIALS} trials)`, async () => {
    const resource = await resourceByCode(db(), 'MR-501');
    const wins = { confirm: 0, expire: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const booking = await awaitingBooking(i, resource.id);
      const deadline = booking.confirmDeadline!;
      // The applicant clicks a second before the deadline; the job runs a second after it.
      const [confirm, expire] = await Promise.allSettled([
        confirmBooking(wide, actors.staff, { bookingId: booking.id }, { now: new Date(deadline.getTime() - 1000) }),
        expireUnconfirmed(other, new Date(deadline.getTime() + 1000)),
      ]);
      expect(expire.status).toBe('fulfilled');
      const result = await outcome(booking.id);
      if (confirm.status === 'fulfilled') {
        wins.confirm++;
        expect(result).toEqual({ status: 'confirmed', actions: ['confirm'], templates: ['confirmed'] });
      } else {
        wins.expire++;
        expect(isDomainError(confirm.reason) && confirm.reason.code).toBe('invalid_transition');
        expect(result).toEqual({ status: 'expired', actions: ['expire'], templates: ['expired'] });
      }
    }
    expect(wins.confirm + wins.expire).toBe(TRIALS);
  });
});
