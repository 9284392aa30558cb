import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, blackouts, bookingEvents, bookings, emailOutbox } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { addMaintenanceWindow, endMaintenanceWindow, updateMaintenanceWindow } from '@/lib/maintenance/windows';
import { NOW, at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const mails = (bookingId: string) =>
  db().select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, bookingId), eq(emailOutbox.template, 'maintenance-scheduled')));

describe('maintenance windows', () => {
  it('only admin may add, change or end one', async () => {
    const sw = await resourceByCode(db(), 'SW-B1');
    const window = { startAt: '2030-03-11T09:00', endAt: '2030-03-11T17:00', reason: '盘点' };
    for (const who of ['staff', 'service'] as const) {
      await expectDomainError(addMaintenanceWindow(db(), actors[who], sw.id, window, { now: NOW }), 'forbidden');
      await expectDomainError(endMaintenanceWindow(db(), actors[who], '00000000-0000-4000-8000-000000000000', { now: NOW }), 'forbidden');
    }
    expect(await db().select().from(blackouts).where(eq(blackouts.resourceId, sw.id))).toHaveLength(0);
  });

  it('lists the bookings inside, flags them and e-mails each applicant once with alternatives; new bookings are refused', async () => {
    const sw = await resourceByCode(db(), 'SW-B1');
    const inside = await seedBooking(db(), { resourceId: sw.id, ...slot('2030-03-12', '10:00', '11:00'), status: 'confirmed', requester: actors.staff });
    const outside = await seedBooking(db(), { resourceId: sw.id, ...slot('2030-03-13', '10:00', '11:00'), status: 'confirmed', requester: actors.staff });

    // Wall-clock values in the organisation's zone, as the form sends them.
    const result = await addMaintenanceWindow(db(), actors.admin, sw.id, { startAt: '2030-03-12T08:30', endAt: '2030-03-12T18:00', reason: '样品库盘点' }, { now: NOW });
    expect(result.affectedBookings.map((b) => b.reference)).toEqual([inside.reference]);
    const [window] = await db().select().from(blackouts).where(eq(blackouts.id, result.id));
    expect(window).toMatchObject({ kind: 'maintenance', startAt: at('2030-03-12', '08:30'), endAt: at('2030-03-12', '18:00'), createdById: actors.admin.id });

    const [flagged] = await db().select().from(bookings).where(eq(bookings.id, inside.id));
    expect(flagged).toMatchObject({ status: 'confirmed', flaggedReason: '样品库盘点' });
    const [mail] = await mails(inside.id);
    expect(mail.toAddress).toBe(actors.staff.email);
    expect(Array.isArray((mail.payload as { alternatives?: unknown[] }).alternatives)).toBe(true);
    expect(await mails(outside.id)).toHaveLength(0);
    const events = await db().select().from(bookingEvents).where(and(eq(bookingEvents.bookingId, inside.id), eq(bookingEvents.action, 'maintenance_scheduled')));
    expect(events).toHaveLength(1);

    const request = { resourceId: sw.id, ...slot('2030-03-12', '14:00', '15:00'), purpose: '取样', phone: '138 0013 8000' };
    await expectDomainError(createStaffRequest(db(), actors.staff2, request, { now: NOW }), 'slot_taken');

    // Widened to the next day: only the newly covered booking hears of it; the first is not told twice.
    const edited = await updateMaintenanceWindow(db(), actors.admin, result.id, { startAt: '2030-03-12T08:30', endAt: '2030-03-13T18:00', reason: '样品库盘点' }, { now: NOW });
    expect(edited.affectedBookings.map((b) => b.reference)).toEqual([inside.reference, outside.reference]);
    expect(await mails(inside.id)).toHaveLength(1);
    expect(await mails(outside.id)).toHaveLength(1);

    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'maintenance'), eq(auditLog.entityId, result.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('refuses bad times with field messages', async () => {
    const sw = await resourceByCode(db(), 'SW-B1');
    const order = await expectDomainError(
      addMaintenanceWindow(db(), actors.admin, sw.id, { startAt: '2030-03-20T10:00', endAt: '2030-03-20T09:00', reason: 'x' }, { now: NOW }),
      'invalid_input',
    );
    expect(order.details.fields).toEqual({ endAt: ['maintenance.errors.order'] });
    const bad = await expectDomainError(
      addMaintenanceWindow(db(), actors.admin, sw.id, { startAt: 'soon', endAt: '', reason: '' }, { now: NOW }),
      'invalid_input',
    );
    expect(Object.keys(bad.details.fields ?? {}).sort()).toEqual(['endAt', 'reason']);
  });

  it('ends a running window now and removes one not begun; both recorded', async () => {
    const sw = await resourceByCode(db(), 'SW-B1');
    const running = await addMaintenanceWindow(db(), actors.admin, sw.id, { startAt: '2030-03-04T09:00', endAt: '2030-03-04T17:00', reason: '维修' }, { now: NOW });
    const later = await addMaintenanceWindow(db(), actors.admin, sw.id, { startAt: '2030-03-25T09:00', endAt: '2030-03-25T17:00', reason: '保养' }, { now: NOW });
    await endMaintenanceWindow(db(), actors.admin, running.id, { now: NOW });
    await endMaintenanceWindow(db(), actors.admin, later.id, { now: NOW });
    const [ended] = await db().select().from(blackouts).where(eq(blackouts.id, running.id));
    expect(ended.endAt).toEqual(NOW);
    expect(await db().select().from(blackouts).where(eq(blackouts.id, later.id))).toHaveLength(0);
    await expectDomainError(endMaintenanceWindow(db(), actors.admin, running.id, { now: NOW }), 'invalid_transition');
    const ends = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'maintenance'), eq(auditLog.action, 'end')));
    expect(ends).toHaveLength(2);
  });
});
