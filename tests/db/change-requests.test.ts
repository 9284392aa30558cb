/**
 * Change requests (product rule 9) on the driver under test: while admin decides, the booking
 * holds both its slot and the one asked for; approving moves it at once, refusing releases the
 * new slot; too late is refused with the deadline. Admin's own move and cancel.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blackouts, bookingEvents, bookings, changeRequests, emailOutbox, slotHolds } from '@/db/schema';
import { toErrorResponse } from '@/lib/api/errors';
import { adminCancelBooking, cancelAsCaller } from '@/lib/booking/admin-cancel';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { cancelBooking } from '@/lib/booking/applicant';
import { approveChange } from '@/lib/booking/approve-change';
import { getBusy } from '@/lib/booking/availability';
import { reviewQueue } from '@/lib/booking/queries';
import { createStaffRequest } from '@/lib/booking/create';
import { rejectChange } from '@/lib/booking/reject-change';
import { requestChange } from '@/lib/booking/request-change';
import { withdrawChange } from '@/lib/booking/withdraw-change';
import type { Actor } from '@/lib/authz';
import { testDriver } from '../helpers/db';
import { NOW, at, expectDomainError, outboxTemplates, resourceByCode, seedBooking, slot, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
const phone = '021-5888 0000';

async function confirmedStaffBooking(day: string, from = '10:00', to = '11:00', code = 'MR-302') {
  const resource = await resourceByCode(db(), code);
  return seedBooking(db(), { resourceId: resource.id, ...slot(day, from, to), status: 'confirmed', requester: actors.staff });
}

function thirdParty(resourceId: string, when: { startAt: Date; endAt: Date }) {
  return createStaffRequest(db(), actors.staff2, { resourceId, ...when, purpose: '第三方', phone }, { now: NOW });
}

async function holdsOf(bookingId: string) {
  const rows = await db().select().from(slotHolds).where(eq(slotHolds.bookingId, bookingId));
  return rows.map((h) => `${h.source}@${h.startAt.toISOString()}`).sort();
}

async function latestSequence(bookingId: string, template: string) {
  const rows = await db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.bookingId, bookingId), eq(emailOutbox.template, template)));
  return (rows.at(-1)?.payload as { calendar?: { sequence: number } }).calendar?.sequence;
}

describe(`change requests (${testDriver})`, () => {
  it('while pending, both the current and the requested slot are held: a third party gets 409 for either', async () => {
    const booking = await confirmedStaffBooking('2030-03-12');
    const wanted = slot('2030-03-13', '14:00', '15:00');
    const change = await requestChange(db(), actors.staff, { bookingId: booking.id, ...wanted, reason: '客户改到周三下午' }, { now: NOW });
    expect(change).toMatchObject({ status: 'pending', newResourceId: booking.resourceId, newStartAt: wanted.startAt });
    expect(await holdsOf(booking.id)).toEqual(
      [`booking@${booking.startAt.toISOString()}`, `change_request@${wanted.startAt.toISOString()}`].sort(),
    );

    const forOld = await expectDomainError(thirdParty(booking.resourceId, slot('2030-03-12', '10:30', '11:30')), 'slot_taken');
    expect(forOld.details.alternatives?.length).toBeGreaterThan(0);
    const forNew = await expectDomainError(thirdParty(booking.resourceId, slot('2030-03-13', '14:30', '15:30')), 'slot_taken');
    expect(forNew.details.alternatives?.length).toBeGreaterThan(0);
    // Alternatives never offer the held slot.
    for (const alt of forNew.details.alternatives ?? []) {
      expect(alt.resourceId === booking.resourceId && new Date(alt.startAt) < wanted.endAt && new Date(alt.endAt) > wanted.startAt).toBe(false);
    }
    // The public free/busy shows the requested slot busy.
    const busy = await getBusy(db(), booking.resourceId, at('2030-03-13', '00:00'), at('2030-03-14', '00:00'));
    expect(busy.map((b) => b.startAt.toISOString())).toContain(wanted.startAt.toISOString());

    expect(await outboxTemplates(db(), booking.id)).toEqual(['change-requested']);
    const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(event).toMatchObject({ action: 'request_change', fromStatus: 'confirmed', toStatus: 'confirmed', note: '客户改到周三下午' });

    // One pending change per booking.
    await expectDomainError(
      requestChange(db(), actors.staff, { bookingId: booking.id, ...slot('2030-03-14', '14:00', '15:00'), reason: '再改' }, { now: NOW }),
      'change_pending',
    );
  });

  it('a requested slot already held by someone else is refused at once with ranked alternatives', async () => {
    const booking = await confirmedStaffBooking('2030-03-12', '13:00', '14:00');
    const other = await confirmedStaffBooking('2030-03-18', '10:00', '11:00');
    const before = await snapshot(db(), booking.id);
    const error = await expectDomainError(
      requestChange(db(), actors.staff, { bookingId: booking.id, startAt: other.startAt, endAt: other.endAt, reason: '改期' }, { now: NOW }),
      'slot_taken',
    );
    expect(error.details.alternatives?.length).toBeGreaterThan(0);
    expect(await snapshot(db(), booking.id)).toEqual(before);
    expect(await db().select().from(changeRequests).where(eq(changeRequests.bookingId, booking.id))).toEqual([]);
  });

  it('approve moves the booking atomically: new slot held, old slot and the request hold released, .ics SEQUENCE up', async () => {
    const booking = await confirmedStaffBooking('2030-03-19');
    const wanted = slot('2030-03-20', '09:00', '10:30');
    const target = await resourceByCode(db(), 'MR-601');
    await requestChange(db(), actors.staff, { bookingId: booking.id, ...wanted, resourceId: target.id, reason: '人数增加' }, { now: NOW });
    const moved = await approveChange(db(), actors.admin, { bookingId: booking.id, opinion: '同意，改到 601' }, { now: NOW });
    expect(moved).toMatchObject({ status: 'confirmed', resourceId: target.id, startAt: wanted.startAt, endAt: wanted.endAt });
    // MR-601 has 15-minute buffers on both sides.
    expect(moved.holdStart?.toISOString()).toBe(new Date(wanted.startAt.getTime() - 15 * 60_000).toISOString());
    expect(await holdsOf(booking.id)).toEqual([`booking@${wanted.startAt.toISOString()}`]);
    const [change] = await db().select().from(changeRequests).where(eq(changeRequests.bookingId, booking.id));
    expect(change).toMatchObject({ status: 'approved', decisionNote: '同意，改到 601', decidedById: actors.admin.id });

    // The old slot is free again; the new one is taken.
    await expect(thirdParty(booking.resourceId, slot('2030-03-19', '10:00', '11:00'))).resolves.toMatchObject({ status: 'pending' });
    await expectDomainError(thirdParty(target.id, wanted), 'slot_taken');

    expect(await outboxTemplates(db(), booking.id)).toEqual(['change-approved', 'change-requested']);
    expect(await latestSequence(booking.id, 'change-approved')).toBe(moved.version);
    expect(moved.version).toBeGreaterThan(booking.version);

    await expectDomainError(approveChange(db(), actors.admin, { bookingId: booking.id, opinion: '再批' }, { now: NOW }), 'no_pending_change');
  });

  it('reject releases the requested slot and leaves the booking as it was', async () => {
    const booking = await confirmedStaffBooking('2030-03-21');
    const wanted = slot('2030-03-22', '15:00', '16:00');
    await requestChange(db(), actors.staff, { bookingId: booking.id, ...wanted, reason: '改期' }, { now: NOW });
    await expectDomainError(rejectChange(db(), actors.staff, { bookingId: booking.id, reason: '不行' }, { now: NOW }), 'forbidden');
    await expectDomainError(rejectChange(db(), actors.admin, { bookingId: booking.id, reason: ' ' }, { now: NOW }), 'invalid_input');
    const after = await rejectChange(db(), actors.admin, { bookingId: booking.id, reason: '新时段已安排检修' }, { now: NOW });
    expect(after).toMatchObject({ status: 'confirmed', startAt: booking.startAt, endAt: booking.endAt, resourceId: booking.resourceId });
    expect(await holdsOf(booking.id)).toEqual([`booking@${booking.startAt.toISOString()}`]);
    await expect(thirdParty(booking.resourceId, wanted)).resolves.toMatchObject({ status: 'pending' });
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'change-rejected')));
    expect(mail.payload).toMatchObject({ reason: '新时段已安排检修' });
  });

  it('too late: 422 change_too_late naming the deadline (ISO in params, wall-clock in the message)', async () => {
    // Starts in 20 hours; change_notice_hours is 24.
    const resource = await resourceByCode(db(), 'MR-302');
    const startAt = new Date(NOW.getTime() + 20 * HOUR);
    const booking = await seedBooking(db(), { resourceId: resource.id, startAt, endAt: new Date(startAt.getTime() + HOUR), status: 'confirmed', requester: actors.staff });
    const before = await snapshot(db(), booking.id);
    const error = await expectDomainError(
      requestChange(db(), actors.staff, { bookingId: booking.id, ...slot('2030-03-25', '10:00', '11:00'), reason: '改期' }, { now: NOW }),
      'change_too_late',
    );
    const deadline = new Date(startAt.getTime() - 24 * HOUR);
    expect(error.details.params?.deadline).toBe(deadline.toISOString());
    const en = toErrorResponse(error, 'en');
    expect(en.status).toBe(422);
    expect(en.body.error).toMatchObject({ code: 'change_too_late', params: { deadline: deadline.toISOString() } });
    expect(en.body.error.message).toContain('2030-03-04 06:00');
    expect(toErrorResponse(error, 'zh').body.error.message).toContain('2030-03-04 06:00');
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });

  it('who may ask: the applicant, customer service for a customer, the customer on their link — nobody else', async () => {
    const resource = await resourceByCode(db(), 'MR-501');
    const customerBooking = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-26', '10:00', '11:00'), status: 'awaiting_confirmation', confirmDeadline: at('2030-03-05', '10:00') });
    const staffBooking = await confirmedStaffBooking('2030-03-26', '14:00', '15:00', 'MR-501');
    const ask = (actor: Actor, bookingId: string, day: string) =>
      requestChange(db(), actor, { bookingId, ...slot(day, '10:00', '11:00'), reason: '改期' }, { now: NOW });

    await expectDomainError(ask({ kind: 'anonymous' }, staffBooking.id, '2030-03-27'), 'unauthenticated');
    await expectDomainError(ask(actors.staff2, staffBooking.id, '2030-03-27'), 'not_found');
    await expectDomainError(ask({ kind: 'customer', bookingId: staffBooking.id, email: 'x@example.com' }, customerBooking.id, '2030-03-27'), 'not_found');
    await expectDomainError(ask(actors.service, staffBooking.id, '2030-03-27'), 'not_found');

    const byLink = await ask({ kind: 'customer', bookingId: customerBooking.id, email: 'guest@customer.example.com' }, customerBooking.id, '2030-03-27');
    expect(byLink.requestedById).toBeNull();
    await withdrawChange(db(), { kind: 'customer', bookingId: customerBooking.id, email: 'guest@customer.example.com' }, { bookingId: customerBooking.id }, { now: NOW });
    const byDesk = await ask(actors.service, customerBooking.id, '2030-03-28');
    expect(byDesk.requestedById).toBe(actors.service.id);
    // Admin does not ask: admin moves (adminMoveBooking).
    await expectDomainError(ask(actors.admin, staffBooking.id, '2030-03-29'), 'forbidden');
    // A customer's booking moves only to resources customers may book.
    const internal = await resourceByCode(db(), 'MR-302');
    await withdrawChange(db(), actors.service, { bookingId: customerBooking.id }, { now: NOW });
    await expectDomainError(
      requestChange(db(), actors.service, { bookingId: customerBooking.id, ...slot('2030-03-29', '10:00', '11:00'), resourceId: internal.id, reason: '改' }, { now: NOW }),
      'resource_unavailable',
    );
  });

  it('blackouts: one added over a held slot is accepted, a new request over a blackout is refused; a cancelled booking releases its request', async () => {
    const booking = await confirmedStaffBooking('2030-04-02');
    const wanted = slot('2030-04-03', '10:00', '11:00');
    await requestChange(db(), actors.staff, { bookingId: booking.id, ...wanted, reason: '改期' }, { now: NOW });
    // Maintenance laid over the booking and its requested slot: the database accepts it.
    await db().insert(blackouts).values({ resourceId: booking.resourceId, kind: 'maintenance', startAt: wanted.startAt, endAt: wanted.endAt, reason: '检修' });
    const other = await confirmedStaffBooking('2030-04-04');
    await expectDomainError(
      requestChange(db(), actors.staff, { bookingId: other.id, ...slot('2030-04-03', '10:30', '11:30'), reason: '改期' }, { now: NOW }),
      'slot_taken',
    );
    // Approving onto the blackout now would widen the booking's hold over it: refused.
    await expectDomainError(approveChange(db(), actors.admin, { bookingId: booking.id, opinion: '同意' }, { now: NOW }), 'slot_taken');

    await cancelBooking(db(), actors.staff, { bookingId: booking.id, reason: '不需要了' }, { now: NOW });
    const [change] = await db().select().from(changeRequests).where(eq(changeRequests.bookingId, booking.id));
    expect(change.status).toBe('withdrawn');
    expect(await holdsOf(booking.id)).toEqual([]);
  });

  it('admin moves and cancels any held booking; the applicant is told, the .ics SEQUENCE goes up', async () => {
    const booking = await confirmedStaffBooking('2030-04-09');
    await requestChange(db(), actors.staff, { bookingId: booking.id, ...slot('2030-04-10', '10:00', '11:00'), reason: '改期' }, { now: NOW });
    await expectDomainError(
      adminMoveBooking(db(), actors.staff, { bookingId: booking.id, ...slot('2030-04-11', '10:00', '11:00'), reason: '检修' }, { now: NOW }),
      'forbidden',
    );
    const to = slot('2030-04-11', '10:00', '11:00');
    const moved = await adminMoveBooking(db(), actors.admin, { bookingId: booking.id, ...to, reason: '原会议室检修' }, { now: NOW });
    expect(moved).toMatchObject({ status: 'confirmed', startAt: to.startAt });
    // The move supersedes the pending request: its slot is released.
    expect(await holdsOf(booking.id)).toEqual([`booking@${to.startAt.toISOString()}`]);
    expect(await latestSequence(booking.id, 'moved')).toBe(moved.version);

    const cancelled = await adminCancelBooking(db(), actors.admin, { bookingId: booking.id, reason: '公司活动征用' }, { now: NOW });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: '公司活动征用' });
    expect(await outboxTemplates(db(), booking.id)).toEqual(['cancelled', 'change-requested', 'moved']);
    const [row] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row.status).toBe('cancelled');
  });

  it("one cancel for the API: admin cancels another's booking as admin, its own as the applicant", async () => {
    const room = await resourceByCode(db(), 'MR-501');
    const others = await seedBooking(db(), { resourceId: room.id, ...slot('2030-05-07', '10:00', '11:00'), status: 'confirmed' });
    const own = await seedBooking(db(), {
      resourceId: room.id,
      ...slot('2030-05-07', '14:00', '15:00'),
      status: 'confirmed',
      requester: actors.admin,
    });
    for (const [booking, action] of [
      [others, 'admin_cancel'],
      [own, 'cancel'],
    ] as const) {
      const cancelled = await cancelAsCaller(db(), actors.admin, { bookingId: booking.id, reason: '计划有变' }, { now: NOW });
      expect(cancelled.status).toBe('cancelled');
      const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(events.map((e) => e.action)).toEqual([action]);
    }
  });

  it('the review queue shows change requests beside new requests, customers first, then by when they asked', async () => {
    const room = await resourceByCode(db(), 'MR-501');
    const staffBooking = await confirmedStaffBooking('2030-04-23', '10:00', '11:00', 'MR-501');
    const customerBooking = await seedBooking(db(), { resourceId: room.id, ...slot('2030-04-23', '14:00', '15:00'), status: 'confirmed' });
    const staffChange = await requestChange(db(), actors.staff, { bookingId: staffBooking.id, ...slot('2030-04-24', '10:00', '11:00'), reason: '改期' }, { now: NOW });
    const customerChange = await requestChange(
      db(),
      actors.service,
      { bookingId: customerBooking.id, ...slot('2030-04-24', '14:00', '15:00'), reason: '客户改期' },
      { now: new Date(NOW.getTime() + 60_000) },
    );
    const queue = await reviewQueue(db(), actors.admin, { resourceId: room.id });
    const entries = queue.map((q) => [q.booking.id, q.change?.id ?? null, q.reason]);
    const customerAt = entries.findIndex(([, change]) => change === customerChange.id);
    const staffAt = entries.findIndex(([, change]) => change === staffChange.id);
    expect(customerAt).toBeGreaterThanOrEqual(0);
    expect(staffAt).toBeGreaterThan(customerAt);
    expect(queue[customerAt]).toMatchObject({ reason: 'customer', booking: { id: customerBooking.id } });
    // Positions count the whole queue, filtered or not.
    const whole = await reviewQueue(db(), actors.admin);
    expect(whole.find((q) => q.change?.id === staffChange.id)?.position).toBe(queue[staffAt].position);
  });

  it('a burst of change requests and new requests for one new slot: exactly one holds it', async () => {
    const resource = await resourceByCode(db(), 'MR-302');
    const owners = await Promise.all(
      Array.from({ length: 5 }, (_, i) => seedBooking(db(), { resourceId: resource.id, ...slot('2030-04-16', `${10 + i}:00`, `${10 + i}:30`), status: 'pending', requester: actors.staff })),
    );
    const wanted = slot('2030-04-17', '10:00', '11:00');
    const results = await Promise.allSettled([
      ...owners.map((b) => requestChange(db(), actors.staff, { bookingId: b.id, ...wanted, reason: '改期' }, { now: NOW })),
      ...owners.map(() => thirdParty(resource.id, wanted)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const holders = await db().select().from(slotHolds).where(and(eq(slotHolds.resourceId, resource.id), eq(slotHolds.startAt, wanted.startAt)));
    expect(holders).toHaveLength(1);
  });
});
