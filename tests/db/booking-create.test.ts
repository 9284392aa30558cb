import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blackouts, bookingEvents, bookings, policySettings, resources } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import type { UserActor } from '@/lib/authz';
import { testDriver, useTestDb } from '../helpers/db';
import {
  NOW,
  at,
  expectDomainError,
  loadActors,
  outboxTemplates,
  resourceByCode,
  slot,
  type Who,
} from '../helpers/booking-fixtures';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;
let mr302: Awaited<ReturnType<typeof resourceByCode>>;

beforeAll(async () => {
  actors = await loadActors(db());
  mr302 = await resourceByCode(db(), 'MR-302');
});

const request = (resourceId: string, time: { startAt: Date; endAt: Date }, extra: Record<string, unknown> = {}) => ({
  resourceId,
  ...time,
  purpose: '季度复盘会',
  attendees: 4,
  phone: '138 0013 8000',
  ...extra,
});

const create = (who: Who, input: Parameters<typeof createStaffRequest>[2], now = NOW) =>
  createStaffRequest(db(), actors[who], input, { now });

async function bookingCount() {
  const [{ n }] = await db().select({ n: count() }).from(bookings);
  return n;
}

describe(`createStaffRequest (${testDriver})`, () => {
  it('writes a pending, slot-holding request with a reference, an event and the e-mail', async () => {
    const booking = await create('staff', request(mr302.id, slot('2030-03-05', '09:00', '10:00')));
    expect(booking.status).toBe('pending');
    expect(booking.reference).toMatch(/^BK-2030-\d{6}$/);
    expect(booking.holdsSlot).toBe(true);
    expect(booking.channel).toBe('portal');
    expect(booking.requesterUserId).toBe(actors.staff.id);
    expect(booking.departmentId).toBe(actors.staff.departmentId);
    expect(booking.contactEmail).toBe('staff@example.com');
    expect(booking.submittedAt.toISOString()).toBe(NOW.toISOString());
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorUserId])).toEqual([
      ['submitted', null, 'pending', actors.staff.id],
    ]);
    expect(await outboxTemplates(db(), booking.id)).toEqual(['request-received']);

    const second = await create('staff', request(mr302.id, slot('2030-03-05', '14:00', '15:00')));
    expect(Number(second.reference.slice(-6))).toBe(Number(booking.reference.slice(-6)) + 1);
  });

  describe('lead time in working days', () => {
    it('refuses a start before the earliest day and names it', async () => {
      const error = await expectDomainError(create('staff', request(mr302.id, slot('2030-03-04', '15:00', '16:00'))), 'lead_time');
      expect(error.details.params).toEqual({ earliest: '2030-03-05' });
      // Alternatives for a time problem start no earlier than the lead time allows.
      expect(error.details.alternatives?.length).toBeGreaterThan(0);
      for (const alt of error.details.alternatives ?? []) {
        expect(new Date(alt.startAt).getTime()).toBeGreaterThanOrEqual(at('2030-03-05', '00:00').getTime());
      }
    });

    it('counts working days: filed on Friday, the earliest day is Monday', async () => {
      const friday = at('2030-03-08', '16:00');
      const error = await expectDomainError(
        create('staff', request(mr302.id, slot('2030-03-08', '17:00', '18:00')), friday),
        'lead_time',
      );
      expect(error.details.params).toEqual({ earliest: '2030-03-11' });
      await expect(create('staff', request(mr302.id, slot('2030-03-11', '09:00', '10:00')), friday)).resolves.toMatchObject({
        status: 'pending',
      });
    });

    it('follows the policy value (3 working days)', async () => {
      await db().update(policySettings).set({ staffLeadWorkingDays: 3 });
      try {
        const error = await expectDomainError(
          create('staff', request(mr302.id, slot('2030-03-06', '09:00', '10:00'))),
          'lead_time',
        );
        expect(error.details.params).toEqual({ earliest: '2030-03-07' });
        await expect(create('staff', request(mr302.id, slot('2030-03-07', '16:00', '17:00')))).resolves.toBeTruthy();
      } finally {
        await db().update(policySettings).set({ staffLeadWorkingDays: 1 });
      }
    });

    it('lead time 0 still refuses a start in the past', async () => {
      await db().update(policySettings).set({ staffLeadWorkingDays: 0 });
      try {
        await expect(create('staff', request(mr302.id, slot('2030-03-04', '16:00', '17:00')))).resolves.toBeTruthy();
        const error = await expectDomainError(create('staff', request(mr302.id, slot('2030-03-04', '09:00', '09:30'))), 'lead_time');
        expect(error.details.params).toEqual({ earliest: '2030-03-04' });
      } finally {
        await db().update(policySettings).set({ staffLeadWorkingDays: 1 });
      }
    });
  });

  describe('opening hours and working days', () => {
    it.each([
      ['before opening', slot('2030-03-12', '08:00', '09:00')],
      ['after closing', slot('2030-03-12', '17:30', '18:30')],
      ['on a Saturday', slot('2030-03-16', '10:00', '11:00')],
      ['across midnight', { startAt: at('2030-03-12', '17:00'), endAt: at('2030-03-13', '00:30') }],
    ])('refuses a slot %s', async (_, time) => {
      const error = await expectDomainError(create('staff', request(mr302.id, time, { attendees: undefined })), 'outside_hours');
      expect(error.details.params).toMatchObject({ opensAt: '08:30', closesAt: '18:00' });
    });

    it('accepts a slot exactly from opening to closing', async () => {
      await expect(create('staff', request(mr302.id, slot('2030-03-12', '08:30', '10:00')))).resolves.toBeTruthy();
      await expect(create('staff', request(mr302.id, slot('2030-03-12', '17:00', '18:00')))).resolves.toBeTruthy();
    });
  });

  it('refuses more than the maximum duration', async () => {
    const showroom = await resourceByCode(db(), 'SR-101'); // at most 240 minutes
    const error = await expectDomainError(create('staff', request(showroom.id, slot('2030-03-13', '09:00', '13:30'))), 'too_long');
    expect(error.details.params).toEqual({ max: 240 });
    await expect(create('staff', request(showroom.id, slot('2030-03-13', '09:00', '13:00')))).resolves.toBeTruthy();
  });

  it('refuses more attendees than the capacity', async () => {
    const room501 = await resourceByCode(db(), 'MR-501'); // capacity 6
    const error = await expectDomainError(
      create('staff', request(room501.id, slot('2030-03-14', '09:00', '10:00'), { attendees: 7 })),
      'over_capacity',
    );
    expect(error.details.params).toEqual({ capacity: 6 });
  });

  it('refuses a start beyond the booking horizon (90 days)', async () => {
    // 4 March + 90 days = Sunday 2 June 2030; Monday 3 June is beyond.
    await expectDomainError(create('staff', request(mr302.id, slot('2030-06-03', '09:00', '10:00'))), 'beyond_horizon');
    await expect(create('staff', request(mr302.id, slot('2030-05-31', '09:00', '10:00')))).resolves.toBeTruthy();
  });

  it('refuses a resource under maintenance', async () => {
    const boardroom = await resourceByCode(db(), 'MR-601');
    await db().update(resources).set({ state: 'maintenance' }).where(eq(resources.id, boardroom.id));
    try {
      await expectDomainError(create('staff', request(boardroom.id, slot('2030-03-15', '09:00', '10:00'))), 'resource_unavailable');
    } finally {
      await db().update(resources).set({ state: 'in_service' }).where(eq(resources.id, boardroom.id));
    }
  });

  it('refuses a blackout (with the buffers) and offers alternatives', async () => {
    const showroom = await resourceByCode(db(), 'SR-101'); // 30 min set-up and clean-up
    await db()
      .insert(blackouts)
      .values({ resourceId: showroom.id, kind: 'maintenance', ...slot('2030-03-18', '09:00', '11:00'), reason: '灯光检修' });
    const before = await bookingCount();
    const inside = await expectDomainError(create('staff', request(showroom.id, slot('2030-03-18', '10:00', '11:00'))), 'slot_taken');
    expect(inside.details.alternatives?.length).toBeGreaterThan(0);
    // Starts when the blackout ends, but its set-up buffer would fall inside it.
    await expectDomainError(create('staff', request(showroom.id, slot('2030-03-18', '11:00', '12:00'))), 'slot_taken');
    expect(await bookingCount()).toBe(before);
    await expect(create('staff', request(showroom.id, slot('2030-03-18', '11:30', '12:30')))).resolves.toBeTruthy();
  });

  it('a taken slot gives slot_taken with alternatives that can be booked; back-to-back is fine', async () => {
    const first = await create('staff', request(mr302.id, slot('2030-03-19', '10:00', '11:00')));
    const before = await bookingCount();
    const error = await expectDomainError(
      create('staff2', request(mr302.id, slot('2030-03-19', '10:30', '11:30'))),
      'slot_taken',
    );
    expect(await bookingCount()).toBe(before);
    const alternatives = error.details.alternatives ?? [];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives[0]).toMatchObject({ resourceId: mr302.id, kind: 'same_resource', rank: 1 });
    for (const alt of alternatives) {
      const overlaps =
        alt.resourceId === mr302.id && new Date(alt.startAt) < first.endAt && new Date(alt.endAt) > first.startAt;
      expect(overlaps).toBe(false);
    }
    const taken = await create('staff2', request(alternatives[0].resourceId, {
      startAt: new Date(alternatives[0].startAt),
      endAt: new Date(alternatives[0].endAt),
    }));
    expect(taken.status).toBe('pending');

    await expect(create('staff2', request(mr302.id, slot('2030-03-19', '09:00', '10:00')))).resolves.toBeTruthy();
  });

  describe('admin entering a paper, phone or e-mail request', () => {
    const entry = (time: { startAt: Date; endAt: Date }, extra: Record<string, unknown> = {}) =>
      request(mr302.id, time, { onBehalfOfUserId: actors.staff2.id, channel: 'paper', ...extra });

    it('is held to the lead time unless overridden with a reason', async () => {
      const today = slot('2030-03-04', '15:00', '16:00');
      await expectDomainError(create('admin', entry(today)), 'lead_time');
      const booking = await create('admin', entry(today, { leadTimeOverrideReason: '总经理临时会议' }));
      expect(booking).toMatchObject({
        requesterUserId: actors.staff2.id,
        enteredById: actors.admin.id,
        departmentId: actors.staff2.departmentId,
        contactEmail: 'staff2@example.com',
        channel: 'paper',
        leadTimeOverrideReason: '总经理临时会议',
      });
      const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(event).toMatchObject({ action: 'submitted', actorUserId: actors.admin.id, note: '总经理临时会议' });
      expect(event.data).toMatchObject({ leadTimeOverride: '总经理临时会议', onBehalfOfUserId: actors.staff2.id });
      // The override never reaches into the past.
      await expectDomainError(
        create('admin', entry(slot('2030-03-04', '09:00', '09:30'), { leadTimeOverrideReason: '补录' })),
        'lead_time',
      );
    });

    it('may register a request without a hold on a taken slot', async () => {
      const time = slot('2030-03-20', '10:00', '11:00');
      await create('staff', request(mr302.id, time));
      await expectDomainError(create('admin', entry(time, { channel: 'phone' })), 'slot_taken');
      const unheld = await create('admin', entry(time, { channel: 'phone', holdsSlot: false }));
      expect(unheld).toMatchObject({ holdsSlot: false, status: 'pending', channel: 'phone' });
    });

    it('is admin only', async () => {
      await expectDomainError(create('service', entry(slot('2030-03-21', '10:00', '11:00'))), 'forbidden');
      await expectDomainError(create('staff', entry(slot('2030-03-21', '10:00', '11:00'))), 'forbidden');
    });

    it('needs an existing staff member', async () => {
      const error = await expectDomainError(
        create('admin', entry(slot('2030-03-21', '10:00', '11:00'), { onBehalfOfUserId: '00000000-0000-4000-8000-000000000000' })),
        'invalid_input',
      );
      expect(error.details.fields).toEqual({ onBehalfOfUserId: ['unknown_user'] });
    });
  });

  it('reports bad input per field with message keys', async () => {
    const before = await bookingCount();
    const error = await expectDomainError(
      create('staff', {
        resourceId: 'not-an-id',
        startAt: at('2030-03-22', '10:00'),
        endAt: at('2030-03-22', '09:00'),
        purpose: '   ',
        attendees: 0,
        phone: 'call me',
      }),
      'invalid_input',
    );
    expect(error.details.fields).toEqual({
      resourceId: ['invalid_id'],
      purpose: ['required'],
      attendees: ['too_small'],
      phone: ['invalid_phone'],
      endAt: ['end_before_start'],
    });
    const order = await expectDomainError(create('staff', request(mr302.id, slot('2030-03-22', '10:00', '09:00'))), 'invalid_input');
    expect(order.details.fields).toEqual({ endAt: ['end_before_start'] });
    const department = await expectDomainError(
      create('staff', request(mr302.id, slot('2030-03-22', '10:00', '11:00'), { departmentId: '00000000-0000-4000-8000-000000000000' })),
      'invalid_input',
    );
    expect(department.details.fields).toEqual({ departmentId: ['invalid_id'] });
    expect(await bookingCount()).toBe(before);
  });

  it('accepts ISO strings as a form or the JSON API sends them', async () => {
    const booking = await create('staff', {
      resourceId: mr302.id,
      startAt: '2030-03-25T01:00:00Z',
      endAt: '2030-03-25T10:00:00+08:00',
      purpose: '培训',
      attendees: '3',
      phone: '+86 (21) 5888-0003',
      specialNeeds: '',
      departmentId: '',
    });
    expect(booking).toMatchObject({ attendees: 3, specialNeeds: '', contactPhone: '+86 (21) 5888-0003' });
    expect([booking.startAt.toISOString(), booking.endAt.toISOString()]).toEqual([
      '2030-03-25T01:00:00.000Z',
      '2030-03-25T02:00:00.000Z',
    ]);
  });
});
