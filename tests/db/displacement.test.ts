/**
 * Customer priority: customer service files a request to displace a staff booking; only admin
 * approves; in one transaction the staff booking is cancelled (reason `displaced`, shown in words) and
 * the customer's takes the slot — never both holding, never neither, also to a concurrent
 * observer on PostgreSQL; refused once the staff booking is in use; the displaced applicant's
 * mail carries alternatives.
 */
import { and, eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEvents, bookings, emailOutbox, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { reviewQueue } from '@/lib/booking/queries';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { approveDisplacement, filePriorityRequest } from '@/lib/booking/displacement';
import { renderEmail } from '@/lib/mail/render';
import { untranslatedIn } from '../helpers/untranslated';
import { V } from '@/lib/customer/schemas';
import { isDomainError } from '@/lib/errors';
import {
  NOW,
  expectDomainError,
  loadActors,
  resourceByCode,
  seedBooking,
  slot,
  snapshot,
  type Who,
} from '../helpers/booking-fixtures';
import { testDriver, useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
let actors: Record<Who, UserActor>;
let room: Awaited<ReturnType<typeof resourceByCode>>;
let workday = 0;

/** The next weekday from Monday 11 March 2030 (MR-301 opens on working days only). */
function nextWorkday(): string {
  const date = new Date(Date.UTC(2030, 2, 11));
  for (let left = workday++; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  actors = await loadActors(db());
  room = await resourceByCode(db(), 'MR-301');
});

const customer = {
  name: '赵总',
  phone: '021-6288 1234',
  email: 'zhao@vip.example.com',
  company: '华东建材集团',
  visitors: 8,
  specialNeeds: '需要投影和茶歇',
  channel: 'phone' as const,
  originalMessage: '赵总来电：周二上午带团队来谈合作，只能这个时间。',
};

/** A confirmed staff booking on its own day, and a priority request that wants its slot. */
async function staffAndPriority(status: Booking['status'] = 'confirmed') {
  const when = slot(nextWorkday(), '10:00', '11:00');
  const staff = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...when, status });
  const request = await filePriorityRequest(
    db(),
    actors.service,
    { ...customer, resourceId: room.id, ...when, displaceBookingId: staff.id },
    { now: NOW },
  );
  return { staff, request };
}

async function holdersOf(ids: string[]): Promise<string[]> {
  const rows = await db()
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(inArray(bookings.id, ids), eq(bookings.holdsSlot, true), inArray(bookings.status, [...HOLDING_STATUSES])),
    );
  return rows.map((r) => r.id);
}

describe('filePriorityRequest', () => {
  it('registers a priority customer request without a hold; admin sees it first', async () => {
    const { staff, request } = await staffAndPriority();
    expect(request).toMatchObject({
      requesterKind: 'customer',
      priority: 'priority',
      displacesBookingId: staff.id,
      holdsSlot: false,
      status: 'pending',
      channel: 'phone',
      enteredById: actors.service.id,
      originalMessage: customer.originalMessage,
    });
    expect(await holdersOf([staff.id, request.id])).toEqual([staff.id]);
    const queue = await reviewQueue(db(), actors.admin);
    expect(queue[0]).toMatchObject({ position: 1, reason: 'priority', booking: { id: request.id } });
  });

  it('is for customer service and admin only', async () => {
    const when = slot(nextWorkday(), '10:00', '11:00');
    const staff = await seedBooking(db(), {
      resourceId: room.id,
      requester: actors.staff2,
      ...when,
      status: 'confirmed',
    });
    const input = { ...customer, resourceId: room.id, ...when, displaceBookingId: staff.id };
    await expectDomainError(filePriorityRequest(db(), actors.staff, input, { now: NOW }), 'forbidden');
    await expectDomainError(filePriorityRequest(db(), { kind: 'anonymous' }, input, { now: NOW }), 'unauthenticated');
  });

  it('names a staff booking that holds the wanted slot and is not in use', async () => {
    const date = nextWorkday();
    const when = slot(date, '10:00', '11:00');
    const inUse = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...when, status: 'in_use' });
    const elsewhere = await seedBooking(db(), {
      resourceId: room.id,
      requester: actors.staff,
      ...slot(date, '14:00', '15:00'),
    });
    const aCustomer = await seedBooking(db(), {
      resourceId: room.id,
      ...slot(date, '10:00', '11:00'),
      holdsSlot: false,
    });
    for (const displaceBookingId of [inUse.id, elsewhere.id, aCustomer.id, crypto.randomUUID()]) {
      const error = await expectDomainError(
        filePriorityRequest(
          db(),
          actors.service,
          { ...customer, resourceId: room.id, ...when, displaceBookingId },
          { now: NOW },
        ),
        'invalid_input',
      );
      expect(error.details.fields).toEqual({ displaceBookingId: [V.not_displaceable] });
    }
  });
});

describe('approveDisplacement', () => {
  it('refused for staff and customer service; nothing changes', async () => {
    const { staff, request } = await staffAndPriority();
    const before = [await snapshot(db(), staff.id), await snapshot(db(), request.id)];
    for (const who of ['staff', 'staff2', 'service'] as const) {
      await expectDomainError(
        approveDisplacement(db(), actors[who], { bookingId: request.id, opinion: '同意' }, { now: NOW }),
        'forbidden',
      );
    }
    expect([await snapshot(db(), staff.id), await snapshot(db(), request.id)]).toEqual(before);
  });

  it('admin approves: the staff booking is cancelled as displaced, the customer holds and must confirm', async () => {
    const { staff, request } = await staffAndPriority();
    const result = await approveDisplacement(
      db(),
      actors.admin,
      { bookingId: request.id, opinion: '重要客户，优先安排。' },
      { now: NOW },
    );
    expect(result.displacedBooking).toMatchObject({
      id: staff.id,
      status: 'cancelled',
      statusReason: 'displaced',
    });
    expect(result.customerBooking).toMatchObject({
      id: request.id,
      status: 'awaiting_confirmation',
      holdsSlot: true,
      reviewOpinion: '重要客户，优先安排。',
    });
    expect(result.customerBooking.confirmDeadline?.getTime()).toBe(NOW.getTime() + 24 * HOUR);
    expect(await holdersOf([staff.id, request.id])).toEqual([request.id]);

    const events = await db()
      .select()
      .from(bookingEvents)
      .where(inArray(bookingEvents.bookingId, [staff.id, request.id]));
    expect(events.filter((e) => e.bookingId === staff.id).map((e) => [e.action, e.note])).toEqual([['displaced', null]]);
    expect(
      events
        .filter((e) => e.bookingId === request.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['approve', 'submitted']);

    const mails = await db()
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.bookingId, [staff.id, request.id]));
    const displaced = mails.find((m) => m.template === 'displaced')!;
    expect(displaced.toAddress).toBe(actors.staff.email);
    const payload = displaced.payload as { reason: string; alternatives: { url: string; startAt: string }[] };
    expect(payload.reason).toBe('为客户让出时段，预约已取消');
    const rendered = await renderEmail({ ...displaced, payload: displaced.payload as Record<string, unknown> });
    expect(untranslatedIn(`${rendered.subject}\n${rendered.text}`)).toEqual([]);
    expect(payload.alternatives.length).toBeGreaterThan(0);
    expect(payload.alternatives[0].url).toContain('/bookings/new?');
    // Nothing offered on this room overlaps the slot the customer now holds.
    const sameRoom = result.alternatives.filter((a) => a.resourceId === room.id);
    expect(sameRoom.length).toBeGreaterThan(0);
    for (const a of sameRoom) {
      expect(new Date(a.endAt) <= staff.startAt || new Date(a.startAt) >= staff.endAt).toBe(true);
    }
    expect(result.alternatives.length).toBe(payload.alternatives.length);
    expect(
      mails
        .filter((m) => m.bookingId === request.id)
        .map((m) => m.template)
        .sort(),
    ).toEqual(['approved', 'request-received']);
  });

  it('refused once the staff booking is in use; nothing changes', async () => {
    const { staff, request } = await staffAndPriority();
    await db().update(bookings).set({ status: 'in_use', checkedInAt: NOW }).where(eq(bookings.id, staff.id));
    const before = [await snapshot(db(), staff.id), await snapshot(db(), request.id)];
    await expectDomainError(
      approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW }),
      'invalid_transition',
    );
    expect([await snapshot(db(), staff.id), await snapshot(db(), request.id)]).toEqual(before);
    expect(await holdersOf([staff.id, request.id])).toEqual([staff.id]);
  });

  it('undone as a whole when something else now stands in the slot', async () => {
    const { staff, request } = await staffAndPriority();
    // A second hold appears next to the staff booking, overlapping the customer's slot only.
    await db()
      .update(bookings)
      .set({ endAt: new Date(staff.endAt.getTime() - 30 * 60_000) })
      .where(eq(bookings.id, staff.id));
    await seedBooking(db(), {
      resourceId: room.id,
      requester: actors.staff2,
      startAt: new Date(staff.endAt.getTime() - 30 * 60_000),
      endAt: staff.endAt,
      status: 'confirmed',
    });
    const before = [await snapshot(db(), staff.id), await snapshot(db(), request.id)];
    const error = await expectDomainError(
      approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW }),
      'slot_taken',
    );
    expect(error.details.alternatives?.length).toBeGreaterThan(0);
    expect([await snapshot(db(), staff.id), await snapshot(db(), request.id)]).toEqual(before);
  });

  it('not found for an ordinary request; a second approval is refused', async () => {
    const ordinary = await seedBooking(db(), { resourceId: room.id, ...slot(nextWorkday(), '10:00', '11:00') });
    await expectDomainError(
      approveDisplacement(db(), actors.admin, { bookingId: ordinary.id, opinion: '同意' }, { now: NOW }),
      'not_found',
    );
    const { request } = await staffAndPriority();
    await approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW });
    await expectDomainError(
      approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW }),
      'invalid_transition',
    );
  });
});

// Two connections at once: PGlite has one, so this part exists on PostgreSQL only.
if (testDriver === 'postgres') describe('approveDisplacement on PostgreSQL, watched from another connection', () => {
  let observer: postgres.Sql;

  beforeAll(() => {
    observer = postgres(handle().url!, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await observer.end({ timeout: 5 });
  });

  it('a concurrent observer always sees exactly one of the two holding the slot', async () => {
    const pairs = await Promise.all(Array.from({ length: 8 }, () => staffAndPriority()));
    const ids = pairs.flatMap(({ staff, request }) => [staff.id, request.id]);
    let running = true;
    const seen: number[][] = [];
    const watch = (async () => {
      while (running) {
        const rows = await observer<{ pair: number; holders: number }[]>`
          select p.pair, count(b.id)::int as holders
          from unnest(${ids}::uuid[]) with ordinality as t(id, n)
          cross join lateral (select (t.n - 1) / 2 as pair) p
          left join bookings b on b.id = t.id and b.holds_slot
            and b.status in ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use')
          group by p.pair`;
        seen.push(rows.map((r) => r.holders));
      }
    })();
    const results = await Promise.allSettled(
      pairs.map(({ request }) =>
        approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW }),
      ),
    );
    running = false;
    await watch;
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    for (const observation of seen) expect(observation).toEqual(pairs.map(() => 1));
    expect(await holdersOf(ids)).toEqual(expect.arrayContaining(pairs.map((p) => p.request.id)));
    expect((await holdersOf(ids)).length).toBe(pairs.length);
  });

  it('two admins approving the same request at once: one wins, the other is refused', async () => {
    const { staff, request } = await staffAndPriority();
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        approveDisplacement(db(), actors.admin, { bookingId: request.id, opinion: '同意' }, { now: NOW }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(isDomainError(lost.reason) && lost.reason.code).toBe('invalid_transition');
    expect(await holdersOf([staff.id, request.id])).toEqual([request.id]);
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, staff.id));
    expect(mails.filter((m) => m.template === 'displaced')).toHaveLength(1);
  });
});
