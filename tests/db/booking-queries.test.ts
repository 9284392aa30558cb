import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blackouts, bookings, departments, resources, resourceTypes } from '@/db/schema';
import { findAlternatives } from '@/lib/booking/alternatives';
import { checkSlot, getBusy } from '@/lib/booking/availability';
import { getResourceCalendar } from '@/lib/booking/calendar-entries';
import { getBookingDetail, listResources, reviewQueue } from '@/lib/booking/queries';
import { requestCoordination } from '@/lib/booking/review';
import type { UserActor } from '@/lib/authz';
import { testDriver, useTestDb } from '../helpers/db';
import { NOW, at, expectDomainError, loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;

beforeAll(async () => {
  actors = await loadActors(db());
});

describe(`availability (${testDriver})`, () => {
  it('getBusy gives bookings, their buffers and blackouts — and nothing personal', async () => {
    const showroom = await resourceByCode(db(), 'SR-101'); // 30-minute buffers
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-04-02', '10:00', '11:00') });
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-04-02', '13:00', '14:00'), status: 'cancelled' });
    await db().insert(blackouts).values({ resourceId: showroom.id, ...slot('2030-04-02', '15:00', '16:00'), reason: '布展' });
    const busy = await getBusy(db(), showroom.id, at('2030-04-02', '00:00'), at('2030-04-03', '00:00'));
    expect(busy).toEqual([
      { kind: 'buffer', ...slot('2030-04-02', '09:30', '10:00') },
      { kind: 'booking', ...slot('2030-04-02', '10:00', '11:00') },
      { kind: 'buffer', ...slot('2030-04-02', '11:00', '11:30') },
      { kind: 'blackout', ...slot('2030-04-02', '15:00', '16:00') },
    ]);
    await expectDomainError(getBusy(db(), showroom.id, at('2030-04-02', '00:00'), at('2030-09-02', '00:00')), 'invalid_input');
  });

  it('the calendar shows staff purposes, hides what a customer visit is about from staff', async () => {
    const room = await resourceByCode(db(), 'MR-501');
    const own = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-03', '09:00', '10:00'), requester: actors.staff });
    const customer = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-03', '11:00', '12:00') });
    const range = [at('2030-04-03', '00:00'), at('2030-04-04', '00:00')] as const;
    const forStaff = await getResourceCalendar(db(), actors.staff, [room.id], ...range);
    expect(forStaff.find((e) => e.id === own.id)).toMatchObject({ title: '测试', mine: true, kind: 'booking', status: 'pending' });
    expect(forStaff.find((e) => e.id === customer.id)).toMatchObject({ title: null, mine: false, requesterKind: 'customer' });
    const forService = await getResourceCalendar(db(), actors.service, [room.id], ...range);
    expect(forService.find((e) => e.id === customer.id)?.title).toBe('测试');
  });

  it('findAlternatives offers other rooms of the type with room enough, closest capacity first', async () => {
    const room302 = await resourceByCode(db(), 'MR-302'); // capacity 8
    const time = slot('2030-04-04', '10:00', '11:00');
    await seedBooking(db(), { resourceId: room302.id, ...time });
    const alternatives = await findAlternatives(db(), { resourceId: room302.id, ...time, attendees: 8 }, { now: NOW });
    const others = alternatives.filter((a) => a.kind === 'other_resource');
    const codeOf = new Map((await db().select().from(resources)).map((r) => [r.id, r.code]));
    const codes = others.map((a) => codeOf.get(a.resourceId));
    // MR-301 (12) is closer to 8 than MR-601 (30); MR-501 (6) is too small.
    expect(codes).toEqual(['MR-301', 'MR-601']);
    expect(alternatives[0]).toMatchObject({ kind: 'same_resource', rank: 1, resourceId: room302.id });
    expect(alternatives.length).toBeLessThanOrEqual(6);
  });

  it('findAlternatives offers another room only when its own buffers are free at the wanted time', async () => {
    const room302 = await resourceByCode(db(), 'MR-302');
    const room301 = await resourceByCode(db(), 'MR-301');
    const time = slot('2030-04-05', '10:00', '11:00');
    await seedBooking(db(), { resourceId: room302.id, ...time });
    // MR-301 ends a booking at 09:45 and needs 30 minutes to set up: 10:00 there would overlap.
    await db().update(resources).set({ setupBufferMinutes: 30, cleanupBufferMinutes: 0 }).where(eq(resources.id, room301.id));
    await seedBooking(db(), { resourceId: room301.id, ...slot('2030-04-05', '09:00', '09:45') });
    const offered = async () =>
      (await findAlternatives(db(), { resourceId: room302.id, ...time, attendees: 8 }, { now: NOW }))
        .filter((a) => a.kind === 'other_resource')
        .map((a) => a.resourceId);
    expect(await offered()).not.toContain(room301.id);
    // Without the set-up time it fits back to back.
    await db().update(resources).set({ setupBufferMinutes: 0 }).where(eq(resources.id, room301.id));
    expect(await offered()).toContain(room301.id);
  });

  it('checkSlot throws what create would, with alternatives, and writes nothing', async () => {
    const room = await resourceByCode(db(), 'MR-601');
    const time = slot('2030-04-05', '10:00', '11:00');
    await seedBooking(db(), { resourceId: room.id, ...time });
    const [{ n: before }] = await db().select({ n: count() }).from(bookings);
    const taken = await expectDomainError(checkSlot(db(), { resourceId: room.id, ...time }, { now: NOW }), 'slot_taken');
    expect(taken.details.alternatives?.length).toBeGreaterThan(0);
    // The 15-minute clean-up buffer of the 10:00–11:00 booking covers 11:00–11:15 (with set-up, until 11:30).
    await expectDomainError(checkSlot(db(), { resourceId: room.id, ...slot('2030-04-05', '11:15', '12:00') }, { now: NOW }), 'slot_taken');
    await expect(checkSlot(db(), { resourceId: room.id, ...slot('2030-04-05', '11:30', '12:00') }, { now: NOW })).resolves.toBeUndefined();
    await expectDomainError(checkSlot(db(), { resourceId: 'nope', ...time }, { now: NOW }), 'resource_unavailable');
    // A customer needs 24 hours' notice, not working days.
    const error = await expectDomainError(
      checkSlot(db(), { resourceId: room.id, ...slot('2030-03-05', '09:00', '10:00'), requesterKind: 'customer' }, { now: NOW }),
      'lead_time',
    );
    expect(error.details.params).toEqual({ earliest: '2030-03-05 10:00', hours: 24 });
    await expect(
      checkSlot(db(), { resourceId: room.id, ...slot('2030-03-05', '10:00', '11:00'), requesterKind: 'customer' }, { now: NOW }),
    ).resolves.toBeUndefined();
    const [{ n: after }] = await db().select({ n: count() }).from(bookings);
    expect(after).toBe(before);
  });
});

describe(`queries (${testDriver})`, () => {
  it('the review queue: priority requests, then customers, then by submission time', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const showroom = await resourceByCode(db(), 'SR-101');
    const submitted = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const early = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-08', '09:00', '10:00'), requester: actors.staff });
    const late = await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-04-09', '09:00', '10:00'), requester: actors.staff2 });
    const customer = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-08', '11:00', '12:00') });
    const priority = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-08', '14:00', '15:00') });
    const times: [string, number][] = [[early.id, -30], [late.id, -20], [customer.id, -10], [priority.id, -5]];
    for (const [id, m] of times) await db().update(bookings).set({ submittedAt: submitted(m) }).where(eq(bookings.id, id));
    await db().update(bookings).set({ priority: 'priority' }).where(eq(bookings.id, priority.id));

    const queue = await reviewQueue(db(), actors.admin);
    const mine = queue.filter((q) => [early.id, late.id, customer.id, priority.id].includes(q.booking.id));
    expect(mine.map((q) => [q.booking.id, q.reason])).toEqual([
      [priority.id, 'priority'],
      [customer.id, 'customer'],
      [early.id, 'fifo'],
      [late.id, 'fifo'],
    ]);
    expect(queue.map((q) => q.position)).toEqual(queue.map((_, i) => i + 1));
    expect(queue.every((q) => q.booking.status === 'pending')).toBe(true);

    // Filters keep each request's place in the whole queue.
    const position = (id: string) => queue.find((q) => q.booking.id === id)!.position;
    const [showroomType] = await db().select().from(resourceTypes).where(eq(resourceTypes.code, 'showroom'));
    const [tech] = await db().select().from(departments).where(eq(departments.code, 'TECH'));
    const byType = await reviewQueue(db(), actors.admin, { typeId: showroomType.id, date: '2030-04-09' });
    expect(byType.map((q) => [q.booking.id, q.position])).toEqual([[late.id, position(late.id)]]);
    const byDepartment = await reviewQueue(db(), actors.admin, { departmentId: tech.id });
    expect(byDepartment.map((q) => q.booking.id)).toContain(late.id);
    expect(byDepartment.every((q) => q.booking.departmentId === tech.id)).toBe(true);
    const byResourceAndDay = await reviewQueue(db(), actors.admin, { resourceId: room.id, date: '2030-04-08' });
    expect(byResourceAndDay.map((q) => q.booking.id)).toEqual([priority.id, customer.id, early.id]);
  });

  it('the booking page: requester, department, history, coordination; conflicts and alternatives for admin', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const time = slot('2030-04-10', '10:00', '11:00');
    await seedBooking(db(), { resourceId: room.id, ...time, status: 'confirmed' });
    const unheld = await seedBooking(db(), { resourceId: room.id, ...time, requester: actors.staff2, holdsSlot: false });
    const [tech] = await db().select().from(departments).where(eq(departments.code, 'TECH'));
    await requestCoordination(db(), actors.admin, { bookingId: unheld.id, departmentIds: [tech.id], message: '请确认' }, { now: NOW });

    const forAdmin = await getBookingDetail(db(), actors.admin, unheld.id, { now: NOW });
    expect(forAdmin.requester).toMatchObject({ id: actors.staff2.id, email: 'staff2@example.com' });
    expect(forAdmin.department?.code).toBe('TECH');
    expect(forAdmin.resource.code).toBe('MR-302');
    expect(forAdmin.resourceType.code).toBe('meeting_room');
    expect(forAdmin.events.map((e) => [e.action, e.actorName])).toEqual([['coordination_requested', actors.admin.name]]);
    expect(forAdmin.coordination).toHaveLength(1);
    expect(forAdmin.coordination[0]).toMatchObject({ departmentId: tech.id, answer: null, department: { code: 'TECH' } });
    expect(forAdmin.conflicts?.map((c) => c.kind)).toEqual(['booking']);
    expect(forAdmin.alternatives?.length).toBeGreaterThan(0);

    const forApplicant = await getBookingDetail(db(), actors.staff2, unheld.id, { now: NOW });
    expect(forApplicant.conflicts).toBeUndefined();
    expect(forApplicant.alternatives).toBeUndefined();
    await expectDomainError(getBookingDetail(db(), actors.staff2, 'not-a-uuid'), 'not_found');
  });

  it('lists resources with their type; customer-bookable only when asked', async () => {
    const all = await listResources(db());
    expect(all.map((r) => r.code)).toEqual(['MR-301', 'MR-302', 'MR-501', 'MR-601', 'SR-101', 'SW-B1', 'EQ-01', 'EQ-02']);
    expect(all[0].type.code).toBe('meeting_room');
    const forCustomers = await listResources(db(), { customerBookableOnly: true });
    expect(forCustomers.map((r) => r.code)).toEqual(['MR-301', 'MR-501', 'SR-101', 'SW-B1']);
  });
});
