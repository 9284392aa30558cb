/**
 * The reports on a fixture with known answers (a week in March 2030, past the demo data), each
 * chart's figures from exactly one SQL statement whatever the number of resources, and the
 * ledger's bookings and totals over a period.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookingEvents, bookings, holidays, incidents, resources, surveys } from '@/db/schema';
import { loadReport, renderReport, reportView } from '@/lib/reports/report';
import { REPORT_SECTIONS } from '@/lib/reports/sections';
import { utilisationReport } from '@/lib/reports/utilisation';
import { ledgerUsage } from '@/lib/resources/ledger-usage';
import { openSideClients, type SideClients } from '../helpers/side-clients';
import { at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
const WEEK = { from: '2030-03-04', to: '2030-03-10' };
const HOUR = 3_600_000;

/** A client on the same database whose statements are counted. */
let counted: Db;
let side: SideClients;
let room: schema.Resource;
let other: schema.Resource;
const ids: Record<string, string> = {};

beforeAll(async () => {
  side = openSideClients(db(), handle().url);
  ({ counted } = side);

  // MR-501 opens 09:00–17:00 on working days: 40 hours in the week of 4 March 2030.
  await db().update(resources).set({ opensAt: '09:00', closesAt: '17:00', workingDaysOnly: true }).where(eq(resources.code, 'MR-501'));
  room = await resourceByCode(db(), 'MR-501');
  other = await resourceByCode(db(), 'MR-601');
  const { staff, staff2 } = actors;

  // Three granted bookings of 2 h (one used 09:10–10:40), by staff of two departments …
  const used = await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-04', '09:30', '11:30'), status: 'completed', requester: staff });
  await db().update(bookings).set({ checkedInAt: at('2030-03-04', '09:40'), checkedOutAt: at('2030-03-04', '11:10') }).where(eq(bookings.id, used.id));
  ids.used = used.id;
  ids.confirmed = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-05', '14:00', '16:00'), status: 'confirmed', requester: staff })).id;
  ids.noShow = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-06', '09:00', '11:00'), status: 'no_show', requester: staff2 })).id;
  // … and what does not count as booked: a customer's pending request, a late and an early cancellation.
  ids.customer = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-07', '13:00', '14:00'), status: 'pending' })).id;
  ids.late = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-08', '09:00', '11:00'), status: 'cancelled', requester: staff, holdsSlot: false })).id;
  ids.early = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-08', '13:00', '15:00'), status: 'cancelled', requester: staff, holdsSlot: false })).id;
  // Another resource, and the day after the period.
  ids.other = (await seedBooking(db(), { resourceId: other.id, ...slot('2030-03-05', '09:00', '10:00'), status: 'confirmed', requester: staff2 })).id;
  ids.nextWeek = (await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-11', '09:00', '11:00'), status: 'confirmed', requester: staff })).id;

  await db().update(bookings).set({ channel: 'phone' }).where(eq(bookings.id, ids.customer));
  // Review: submitted 1 March 09:00, approved 4 h later, confirmed 2 h after that.
  const submitted = at('2030-03-01', '09:00');
  await db()
    .update(bookings)
    .set({ submittedAt: submitted, approvedAt: new Date(submitted.getTime() + 4 * HOUR), confirmedAt: new Date(submitted.getTime() + 6 * HOUR) })
    .where(eq(bookings.id, ids.confirmed));
  await db().insert(bookingEvents).values([
    { bookingId: ids.confirmed, fromStatus: 'pending', toStatus: 'awaiting_confirmation', action: 'approve', actorKind: 'user', createdAt: new Date(submitted.getTime() + 4 * HOUR) },
    { bookingId: ids.late, fromStatus: 'confirmed', toStatus: 'cancelled', action: 'cancel', actorKind: 'user', createdAt: at('2030-03-08', '07:00') },
    { bookingId: ids.early, fromStatus: 'confirmed', toStatus: 'cancelled', action: 'cancel', actorKind: 'user', createdAt: at('2030-03-04', '08:00') },
  ]);
  // Follow-up surveys: on MR-501 two sent in the week, one answered (4/3/5); on MR-601 one
  // answered (2/2/1); next week's answer (5/5/5) is outside the period.
  const survey = (bookingId: string, answer?: { overall: number; condition: number; service: number; comment: string }) => ({
    bookingId,
    tokenHash: `reports-${bookingId}`,
    expiresAt: at('2030-03-25', '09:00'),
    ...(answer && { ...answer, answeredAt: at('2030-03-12', '09:00'), mayContact: false }),
  });
  await db().insert(surveys).values([
    survey(ids.used, { overall: 4, condition: 3, service: 5, comment: '投影仪偏色' }),
    survey(ids.customer),
    survey(ids.other, { overall: 2, condition: 2, service: 1, comment: '' }),
    survey(ids.nextWeek, { overall: 5, condition: 5, service: 5, comment: '' }),
  ]);
  await db().insert(incidents).values({ resourceId: room.id, bookingId: used.id, severity: 'minor', description: '投影仪偏色', status: 'resolved', resolution: '已校色', resolvedAt: at('2030-03-04', '15:00'), createdAt: at('2030-03-04', '10:00') });
});

afterAll(async () => {
  await side.close();
});

const scope = async (period = WEEK) => (await loadReport(db(), actors.admin, period)).scope;

describe('utilisation', () => {
  it('3 granted bookings of 2 h on a resource open 40 h that week: 6 h booked, 1.5 h used, 15 %', async () => {
    const { rows } = await utilisationReport(db(), actors.admin, { ...WEEK, groupBy: 'resource' }, 'en');
    expect(rows.find((r) => r.key === room.id)).toEqual({
      key: room.id,
      label: 'MR-501 Negotiation Room 501',
      bookedHours: 6,
      usedHours: 1.5,
      availableHours: 40,
      utilisation: 0.15,
    });
    expect(rows.find((r) => r.key === other.id)).toMatchObject({ bookedHours: 1 });
  });

  it('follows the holiday calendar: a holiday closes a working-days resource, a make-up Saturday opens it', async () => {
    await db().insert(holidays).values({ date: '2030-03-08', kind: 'holiday', name: '测试假日' });
    const closed = await utilisationReport(db(), actors.admin, { ...WEEK, groupBy: 'resource' }, 'zh');
    expect(closed.rows.find((r) => r.key === room.id)).toMatchObject({ availableHours: 32, utilisation: 0.1875, label: 'MR-501 501 洽谈室' });
    await db().insert(holidays).values({ date: '2030-03-09', kind: 'makeup_workday', name: '测试调休' });
    const reopened = await utilisationReport(db(), actors.admin, { ...WEEK, groupBy: 'resource' }, 'zh');
    expect(reopened.rows.find((r) => r.key === room.id)).toMatchObject({ availableHours: 40 });
    await db().delete(holidays).where(inArray(holidays.date, ['2030-03-08', '2030-03-09']));
  });

  it('by week adds up the resources, and by department splits the bookings among those who made them', async () => {
    const period = { from: '2030-03-04', to: '2030-03-17' };
    const [byResource, byWeek, byDepartment] = await Promise.all(
      (['resource', 'week', 'department'] as const).map((groupBy) => utilisationReport(db(), actors.admin, { ...period, groupBy }, 'en')),
    );
    const sum = (rows: { bookedHours: number }[], key: 'bookedHours' | 'availableHours' | 'usedHours') =>
      Math.round(rows.reduce((s, r) => s + (r as Record<string, number>)[key], 0) * 100) / 100;
    expect(byWeek.rows.map((r) => r.key)).toEqual(['2030-03-04', '2030-03-11']);
    expect(byWeek.rows.map((r) => r.bookedHours)).toEqual([7, 2]);
    expect(sum(byWeek.rows, 'availableHours')).toBe(sum(byResource.rows, 'availableHours'));
    expect(byWeek.rows[0].utilisation).toBeCloseTo(7 / byWeek.rows[0].availableHours, 4);

    const department = (id: string | null) => byDepartment.rows.find((r) => r.key === id)!;
    // staff: 2 + 2 + 2 (next week); staff2: 2 (no-show) + 1 (MR-601).
    expect(department(actors.staff.departmentId).bookedHours).toBe(6);
    expect(department(actors.staff2.departmentId).bookedHours).toBe(3);
    expect(department(actors.staff.departmentId).availableHours).toBe(sum(byResource.rows, 'availableHours'));
    // The customer's request is pending: a row of its own, nothing booked.
    expect(department('customers')).toMatchObject({ label: 'Customers', bookedHours: 0 });
  });

  it('is admin only, and asks for a valid period and grouping', async () => {
    for (const who of ['staff', 'service'] as const) {
      await expectDomainError(utilisationReport(db(), actors[who], { ...WEEK, groupBy: 'resource' }, 'zh'), 'forbidden');
      await expectDomainError(loadReport(db(), actors[who], WEEK), 'forbidden');
    }
    await expectDomainError(utilisationReport(db(), actors.admin, { ...WEEK, groupBy: 'room' }, 'zh'), 'invalid_input');
    await expectDomainError(utilisationReport(db(), actors.admin, { from: '2030-03-10', to: '2030-03-04', groupBy: 'week' }, 'zh'), 'invalid_input');
    await expectDomainError(utilisationReport(db(), actors.admin, { from: '2030-01-01', to: '2031-03-01', groupBy: 'week' }, 'zh'), 'invalid_input');
  });
});

/** The busy-hours cells of a period, and one cell's hours (0 where nothing was booked). */
async function busyHours(period: { from: string; to: string }) {
  const { figures } = await loadReport(db(), actors.admin, period, 'heatmap');
  const cells = figures[0].data as { weekday: number; hour: number; hours: number }[];
  const cell = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour)?.hours ?? 0;
  return { cells, cell };
}

describe('the report sections', () => {
  it('each chart is one SQL statement', async () => {
    const week = await scope();
    for (const section of REPORT_SECTIONS) {
      side.statements.n = 0;
      await section.load(counted, week);
      expect(side.statements.n, section.id).toBe(1);
    }
  });

  it('busy hours: a booking adds to each hour it covers, by the part it covers', async () => {
    const { cell } = await busyHours(WEEK);
    // Monday 09:30–11:30 (MR-501); Tuesday 09:00–10:00 (MR-601) and 14:00–16:00; Wednesday's no-show 09:00–11:00.
    expect([cell(1, 9), cell(1, 10), cell(1, 11), cell(1, 12)]).toEqual([0.5, 1, 0.5, 0]);
    expect([cell(2, 9), cell(2, 14), cell(2, 15), cell(3, 9), cell(3, 10)]).toEqual([1, 1, 1, 1, 1]);
    // The pending and cancelled requests are not booked.
    expect([cell(4, 13), cell(5, 9)]).toEqual([0, 0]);
  });

  it('busy hours: a booking past midnight counts on the next weekday, a day and a half long on every hour it covers', async () => {
    // A week of its own, after the fixture's: Sunday 12 May 2030 22:15 to Monday 02:45, and
    // Tuesday 08:00 to Wednesday 20:00.
    const week = { from: '2030-05-06', to: '2030-05-12' };
    await seedBooking(db(), { resourceId: other.id, startAt: at('2030-05-12', '22:15'), endAt: at('2030-05-13', '02:45'), status: 'confirmed', requester: actors.staff });
    await seedBooking(db(), { resourceId: other.id, startAt: at('2030-05-07', '08:00'), endAt: at('2030-05-08', '20:00'), status: 'confirmed', requester: actors.staff });
    const { cells, cell } = await busyHours(week);
    expect([cell(7, 22), cell(7, 23), cell(1, 0), cell(1, 1), cell(1, 2), cell(1, 3)]).toEqual([0.75, 1, 1, 1, 0.75, 0]);
    expect([cell(2, 7), cell(2, 8), cell(2, 23), cell(3, 0), cell(3, 19), cell(3, 20)]).toEqual([0, 1, 1, 1, 1, 0]);
    expect(cells.reduce((sum, c) => sum + c.hours, 0)).toBe(4.5 + 36);
  });

  it('outcomes: no-show and late-cancellation rates, confirmations of approved requests', async () => {
    const [outcomes] = renderReport(await loadReport(db(), actors.admin, WEEK, 'outcomes'), reportView('en')).map((s) => s.table.rows);
    const staff = outcomes.find((r) => r.kind === 'Staff')!;
    // Staff: 6 requests (5 on MR-501, 1 on MR-601); due: the used one and the no-show; one cancellation 2 h before the start.
    expect(staff).toMatchObject({ requests: 6, noShows: 1, noShowRate: 0.5, lateCancellations: 1, lateCancellationRate: 0.1667, approved: 1, confirmed: 1, confirmationRate: 1 });
    expect(outcomes.find((r) => r.kind === 'Customers')).toMatchObject({ requests: 1, noShows: 0, lateCancellations: 0, approved: 0, confirmationRate: 0 });
  });

  it('review time: submission to decision, approval to confirmation', async () => {
    const [waits] = renderReport(await loadReport(db(), actors.admin, WEEK, 'reviewTime'), reportView('en')).map((s) => s.table.rows);
    expect(waits.find((r) => r.kind === 'Staff')).toMatchObject({ decided: 1, decideMedian: 4, decideMean: 4, confirmed: 1, confirmMedian: 2 });
    expect(waits.find((r) => r.kind === 'Customers')).toMatchObject({ decided: 0, decideMedian: null });
  });

  it('review time: a rejection is decided when its event says, an approval when the booking was approved', async () => {
    // Customers, in a week of their own: submitted 09:00, one rejected 10 h later, one approved
    // 2 h later, never confirmed and expired a day after (an event that is no decision).
    const week = { from: '2030-05-13', to: '2030-05-19' };
    const submitted = at('2030-05-06', '09:00');
    const rejected = await seedBooking(db(), { resourceId: other.id, ...slot('2030-05-14', '09:00', '10:00'), status: 'rejected', holdsSlot: false });
    const approved = await seedBooking(db(), { resourceId: other.id, ...slot('2030-05-15', '09:00', '10:00'), status: 'expired', holdsSlot: false, approvedAt: new Date(submitted.getTime() + 2 * HOUR) });
    await db().update(bookings).set({ submittedAt: submitted }).where(inArray(bookings.id, [rejected.id, approved.id]));
    await db().insert(bookingEvents).values([
      { bookingId: rejected.id, fromStatus: 'needs_info', toStatus: 'rejected', action: 'reject', actorKind: 'user', createdAt: new Date(submitted.getTime() + 10 * HOUR) },
      { bookingId: approved.id, fromStatus: 'awaiting_confirmation', toStatus: 'expired', action: 'expire', actorKind: 'system', createdAt: new Date(submitted.getTime() + 30 * HOUR) },
    ]);
    const [waits] = renderReport(await loadReport(db(), actors.admin, week, 'reviewTime'), reportView('en')).map((s) => s.table.rows);
    expect(waits.find((r) => r.kind === 'Customers')).toMatchObject({ decided: 2, decideMean: 6, decideMedian: 6, confirmed: 0, confirmMedian: null });
    expect(waits.find((r) => r.kind === 'Staff')).toMatchObject({ decided: 0 });
  });

  it('channels: requests by applicant and channel, with their share', async () => {
    const [rows] = renderReport(await loadReport(db(), actors.admin, WEEK, 'channels'), reportView('zh')).map((s) => s.table.rows);
    expect(rows).toEqual([
      { kind: '员工', channel: '员工门户', requests: 6, share: 0.8571, bookedHours: 7 },
      { kind: '客户', channel: '电话', requests: 1, share: 0.1429, bookedHours: 0 },
    ]);
  });

  it('satisfaction: surveys sent, answers and average scores per resource, with the total', async () => {
    const [rows] = renderReport(await loadReport(db(), actors.admin, WEEK, 'satisfaction'), reportView('en')).map((s) => s.table.rows);
    expect(rows).toEqual([
      { resource: 'MR-501 Negotiation Room 501', sent: 2, responses: 1, overall: 4, condition: 3, service: 5 },
      { resource: `MR-601 ${other.nameEn}`, sent: 1, responses: 1, overall: 2, condition: 2, service: 1 },
      { resource: 'All resources', sent: 3, responses: 2, overall: 3, condition: 2.5, service: 3 },
    ]);
    const empty = renderReport(await loadReport(db(), actors.admin, { from: '2030-04-01', to: '2030-04-07' }, 'satisfaction'), reportView('zh'));
    expect(empty[0].table.rows).toEqual([]);
  });

  it('an unknown section is not found', async () => {
    await expectDomainError(loadReport(db(), actors.admin, WEEK, 'nope'), 'not_found');
  });
});

describe('the ledger over a period', () => {
  it('lists every booking starting in it, newest first, with check-in/out, condition, inspection and incidents, and the totals', async () => {
    await db().update(bookings).set({ checkoutCondition: 'issue', checkoutNotes: '投影仪偏色', inspectionResult: 'ok', inspectionNote: '已处理', inspectedAt: at('2030-03-04', '16:00') }).where(eq(bookings.id, ids.used));
    const ledger = await ledgerUsage(db(), actors.admin, room.id, WEEK, { page: 1 });
    expect(ledger.bookings.map((b) => b.id)).toEqual([ids.early, ids.late, ids.customer, ids.noShow, ids.confirmed, ids.used]);
    expect(ledger.totals).toEqual({ bookedHours: 6, usedHours: 1.5, noShows: 1, incidents: 1 });
    const used = ledger.bookings.at(-1)!;
    expect(used).toMatchObject({ condition: 'issue', inspectionResult: 'ok', department: { nameZh: expect.any(String) }, company: null });
    expect(used.incidents).toEqual([expect.objectContaining({ description: '投影仪偏色', status: 'resolved', resolution: '已校色' })]);
    expect(ledger.bookings.find((b) => b.id === ids.customer)).toMatchObject({ department: null, company: '测试公司', incidents: [], survey: null });
    // The answer is on its booking; the one only sent counts among the period's surveys, not its answers.
    expect(used.survey).toMatchObject({ overall: 4, condition: 3, service: 5, comment: '投影仪偏色', answeredAt: at('2030-03-12', '09:00') });
    expect(ledger.bookings.filter((b) => b.survey !== null).map((b) => b.id)).toEqual([ids.used]);
    expect(ledger.satisfaction).toEqual({ sent: 2, responses: 1, overall: 4, condition: 3, service: 5 });
  });

  it('pages by number and by cursor, the totals always over the whole period', async () => {
    const second = await ledgerUsage(db(), actors.admin, room.id, WEEK, { page: 2, limit: 4 });
    expect(second).toMatchObject({ total: 6, pageCount: 2 });
    expect(second.bookings.map((b) => b.id)).toEqual([ids.confirmed, ids.used]);
    const first = await ledgerUsage(db(), actors.admin, room.id, WEEK, { limit: 4 });
    expect(first.nextCursor).not.toBeNull();
    const next = await ledgerUsage(db(), actors.admin, room.id, WEEK, { limit: 4, cursor: first.nextCursor! });
    expect(next.bookings.map((b) => b.id)).toEqual([ids.confirmed, ids.used]);
    expect(next.nextCursor).toBeNull();
    expect(next.totals.bookedHours).toBe(6);
    expect(second.satisfaction).toEqual(first.satisfaction);
  });

  it('is admin only; an unknown resource is not found', async () => {
    await expectDomainError(ledgerUsage(db(), actors.service, room.id, WEEK, { page: 1 }), 'forbidden');
    await expectDomainError(ledgerUsage(db(), actors.admin, '00000000-0000-4000-8000-000000000000', WEEK, { page: 1 }), 'not_found');
    await expectDomainError(ledgerUsage(db(), actors.admin, room.id, { from: 'x', to: WEEK.to }, { page: 1 }), 'invalid_input');
  });
});
