/**
 * The visit: the check-in window's edges, check-out with the return checklist (leaving early
 * frees the rest of the slot), inspection, and the two jobs — the no-show release around the
 * grace period, idempotent and once only on two instances at once, and the completion of ended
 * bookings.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookingEvents, bookings, emailOutbox, policySettings, type Booking } from '@/db/schema';
import { ANONYMOUS } from '@/lib/authz';
import { checkInByLink, loadLinkPage } from '@/lib/booking/booking-link';
import { checkIn } from '@/lib/booking/check-in';
import { checkOut } from '@/lib/booking/check-out';
import { completeEnded } from '@/lib/booking/complete-ended';
import { createStaffRequest } from '@/lib/booking/create';
import { loadDoorPage } from '@/lib/booking/door';
import { inspectBooking } from '@/lib/booking/inspect';
import { inspectionQueue } from '@/lib/booking/inspection-queue';
import { noShowCounts } from '@/lib/booking/no-show-counts';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { allowedVisitActions } from '@/lib/booking/visit-window';
import { getSettings } from '@/lib/settings';
import { issueToken } from '@/lib/tokens';
import { testDriver } from '../helpers/db';
import { at, expectDomainError, resourceByCode, seedBooking, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let room: schema.Resource;
let forklift: schema.Resource;
/** A second client, so that two job runs really overlap on PostgreSQL. */
let second: Db;
let secondClient: postgres.Sql | undefined;

beforeAll(async () => {
  room = await resourceByCode(db(), 'MR-302');
  forklift = await resourceByCode(db(), 'EQ-02');
  // Same-day requests, so that "the freed time can be booked again" is a plain staff request.
  await db().update(policySettings).set({ staffLeadWorkingDays: 0 });
  if (testDriver === 'postgres') {
    secondClient = postgres(handle().url!, { max: 10, onnotice: () => {} });
    second = drizzle({ client: secondClient, schema }) as unknown as Db;
  } else {
    second = db();
  }
});

afterAll(async () => {
  await secondClient?.end({ timeout: 5 });
});

// Every booking on its own working day (Tuesdays to Fridays from April 2030), 10:00–11:00.
let dayIndex = 0;
function nextDay(): string {
  const date = new Date(Date.UTC(2030, 3, 2) + Math.floor(dayIndex / 4) * 7 * 24 * HOUR + (dayIndex % 4) * 24 * HOUR);
  dayIndex++;
  return date.toISOString().slice(0, 10);
}

async function confirmedVisit(opts: { resource?: schema.Resource; from?: string; to?: string; requester?: 'staff' | 'customer' } = {}) {
  const day = nextDay();
  return seedBooking(db(), {
    resourceId: (opts.resource ?? room).id,
    startAt: at(day, opts.from ?? '10:00'),
    endAt: at(day, opts.to ?? '11:00'),
    status: 'confirmed',
    requester: opts.requester === 'customer' ? undefined : actors.staff,
  });
}

const minutes = (booking: Booking, n: number) => new Date(booking.startAt.getTime() + n * MINUTE);
const allDone = () => room.checklist.map(({ key }) => ({ key, done: true }));
const reload = async (id: string) => (await db().select().from(bookings).where(eq(bookings.id, id)))[0];

describe(`check-in (${testDriver})`, () => {
  it('opens check_in_opens_minutes before the start and closes at the no-show deadline', async () => {
    const { checkInOpensMinutes, noShowGraceMinutes } = await getSettings(db());
    expect([checkInOpensMinutes, noShowGraceMinutes]).toEqual([15, 15]);
    const booking = await confirmedVisit();
    const before = await snapshot(db(), booking.id);

    const early = await expectDomainError(checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, -16) }), 'check_in_not_open');
    expect(early.details.params).toEqual({ opensAt: `${booking.startAt.toISOString().slice(0, 10)} 09:45` });
    expect(early.status).toBe(409);
    expect(await snapshot(db(), booking.id)).toEqual(before);

    const late = await confirmedVisit();
    const closed = await expectDomainError(checkIn(db(), actors.staff, { bookingId: late.id }, { now: minutes(late, 16) }), 'check_in_closed');
    expect(closed.details.params?.deadline).toMatch(/ 10:15$/);

    const opened = await checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, -15) });
    expect(opened).toMatchObject({ status: 'in_use', checkedInAt: minutes(booking, -15), checkedInById: actors.staff.id, checkedInVia: 'portal' });
    const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(event).toMatchObject({ action: 'check_in', fromStatus: 'confirmed', toStatus: 'in_use', actorUserId: actors.staff.id, data: { via: 'portal' } });

    // At the deadline itself one may still check in; twice is refused.
    const lastMinute = await confirmedVisit();
    await expect(checkIn(db(), actors.staff, { bookingId: lastMinute.id }, { now: minutes(lastMinute, 15), via: 'door' })).resolves.toMatchObject({
      status: 'in_use',
      checkedInVia: 'door',
    });
    await expectDomainError(checkIn(db(), actors.staff, { bookingId: lastMinute.id }, { now: minutes(lastMinute, 16) }), 'invalid_transition');
  });

  it('where no-shows do not apply, check-in stays open until the end', async () => {
    const booking = await confirmedVisit({ resource: forklift });
    await expect(checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, 50) })).resolves.toMatchObject({ status: 'in_use' });
    const over = await confirmedVisit({ resource: forklift });
    await expectDomainError(checkIn(db(), actors.staff, { bookingId: over.id }, { now: minutes(over, 61) }), 'check_in_closed');
  });

  it('allowedVisitActions offers what the domain accepts', async () => {
    const booking = await confirmedVisit();
    const settings = await getSettings(db());
    const at = (n: number, who: keyof typeof actors) => allowedVisitActions(booking, room, settings, actors[who], minutes(booking, n));
    expect(at(-16, 'staff').checkIn).toBe(false);
    expect(at(0, 'staff')).toMatchObject({ checkIn: true, checkOut: false, inspect: false });
    expect(at(0, 'admin').checkIn).toBe(true);
    expect(at(0, 'staff2').checkIn).toBe(false);
    // Customer service acts for customers only.
    expect(at(0, 'service').checkIn).toBe(false);
    expect(at(16, 'staff').checkIn).toBe(false);
  });
});

describe(`check-out (${testDriver})`, () => {
  it('with the checklist; leaving early frees the rest of the slot for a new request', async () => {
    const booking = await confirmedVisit({ from: '10:00', to: '12:00' });
    await checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, 0) });
    const freed = { resourceId: room.id, startAt: minutes(booking, 60), endAt: minutes(booking, 120), purpose: '临时会议', phone: '021-5888 0002' };
    await expectDomainError(createStaffRequest(db(), actors.staff2, freed, { now: minutes(booking, 40) }), 'slot_taken');

    const answers = allDone().map((a, i) => (i === 0 ? { key: a.key, done: false, note: '遥控器没电' } : a));
    const out = await checkOut(
      db(),
      actors.staff,
      { bookingId: booking.id, checklist: answers, condition: 'issue', notes: '投影仪遥控器没电了' },
      { now: minutes(booking, 45) },
    );
    expect(out).toMatchObject({
      status: 'completed',
      checkedOutAt: minutes(booking, 45),
      checkedOutById: actors.staff.id,
      checkoutCondition: 'issue',
      checkoutNotes: '投影仪遥控器没电了',
      notCheckedOut: false,
    });
    expect(out.checkoutChecklist).toEqual(answers);
    await expect(createStaffRequest(db(), actors.staff2, freed, { now: minutes(booking, 50) })).resolves.toMatchObject({ status: 'pending' });
    const mails = await db().select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'checked-out')));
    expect(mails).toHaveLength(1);
    expect(mails[0].payload).toMatchObject({ condition: 'issue', checklist: [{ label: '关闭投影仪和屏幕', done: false, note: '遥控器没电' }, {}, {}] });
  });

  it('refuses a checklist that is not the resource\'s, an unexplained item, an issue without notes, and no check-in', async () => {
    const booking = await confirmedVisit();
    const now = minutes(booking, 30);
    await expectDomainError(checkOut(db(), actors.staff, { bookingId: booking.id, checklist: allDone(), condition: 'ok' }, { now }), 'not_checked_in');
    await checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, 0) });
    const before = await snapshot(db(), booking.id);
    const refused = async (input: Record<string, unknown>, field: string, key: string) => {
      const error = await expectDomainError(checkOut(db(), actors.staff, { bookingId: booking.id, ...input }, { now }), 'invalid_input');
      expect(error.details.fields?.[field]).toEqual([key]);
    };
    await refused({ checklist: allDone().slice(1), condition: 'ok' }, 'checklist', 'checklist_mismatch');
    await refused({ checklist: [...allDone(), { key: 'other', done: true }], condition: 'ok' }, 'checklist', 'checklist_mismatch');
    await refused({ checklist: [{ key: allDone()[0].key, done: false }, ...allDone().slice(1)], condition: 'ok' }, 'checklist.0.note', 'checklist_note_required');
    await refused({ checklist: allDone(), condition: 'issue' }, 'notes', 'issue_notes_required');
    await refused({ checklist: allDone(), condition: 'broken' }, 'condition', 'invalid_choice');
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });
});

describe(`inspection (${testDriver})`, () => {
  it('admin records the result once, after check-out', async () => {
    const booking = await confirmedVisit();
    await expectDomainError(inspectBooking(db(), actors.admin, { bookingId: booking.id, result: 'ok' }), 'invalid_transition');
    await checkIn(db(), actors.staff, { bookingId: booking.id }, { now: minutes(booking, 0) });
    await checkOut(db(), actors.staff, { bookingId: booking.id, checklist: allDone(), condition: 'ok' }, { now: minutes(booking, 60) });
    await expectDomainError(inspectBooking(db(), actors.staff, { bookingId: booking.id, result: 'ok' }), 'forbidden');
    await expectDomainError(inspectBooking(db(), actors.admin, { bookingId: booking.id, result: 'issue' }), 'invalid_input');
    const inspected = await inspectBooking(db(), actors.admin, { bookingId: booking.id, result: 'issue', notes: '白板有划痕' }, { now: minutes(booking, 90) });
    expect(inspected).toMatchObject({ status: 'completed', inspectionResult: 'issue', inspectionNote: '白板有划痕', inspectedById: actors.admin.id, inspectedAt: minutes(booking, 90) });
    await expectDomainError(inspectBooking(db(), actors.admin, { bookingId: booking.id, result: 'ok' }), 'already_inspected');
  });
});

describe(`no-show release (${testDriver})`, () => {
  it('releases at grace + 1 minute, not at grace − 1; a second run changes nothing more', async () => {
    const booking = await confirmedVisit();
    // At grace − 1 minute the applicant can still check in.
    await releaseNoShows(db(), minutes(booking, 14));
    expect((await reload(booking.id)).status).toBe('confirmed');
    expect((await releaseNoShows(db(), minutes(booking, 16))).released).toBeGreaterThanOrEqual(1);
    const released = await reload(booking.id);
    expect(released).toMatchObject({ status: 'no_show', statusReason: 'no_show', holdEnd: minutes(booking, 16) });
    const after = await snapshot(db(), booking.id);
    expect(await releaseNoShows(db(), minutes(booking, 17))).toEqual({ released: 0 });
    expect(await snapshot(db(), booking.id)).toEqual(after);
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking.id));
    expect(mails.map((m) => [m.template, m.toAddress])).toEqual([['no-show-released', actors.staff.email]]);

    // The rest of the slot is free again.
    const rest = { resourceId: room.id, startAt: minutes(booking, 30), endAt: minutes(booking, 60), purpose: '临时讨论', phone: '021-5888 0003' };
    await expect(createStaffRequest(db(), actors.staff2, rest, { now: minutes(booking, 17) })).resolves.toMatchObject({ status: 'pending' });
  });

  it('leaves checked-in bookings, resources without check-in and bookings over 8 hours alone', async () => {
    const checkedIn = await confirmedVisit();
    await checkIn(db(), actors.staff, { bookingId: checkedIn.id }, { now: checkedIn.startAt });
    const equipment = await confirmedVisit({ resource: forklift });
    const showroom = await resourceByCode(db(), 'MR-601');
    const long = await seedBooking(db(), { resourceId: showroom.id, startAt: at('2030-05-07', '08:30'), endAt: at('2030-05-07', '17:00'), status: 'confirmed', requester: actors.staff });
    const later = new Date(Math.max(checkedIn.startAt.getTime(), equipment.startAt.getTime(), long.startAt.getTime()) + 30 * MINUTE);
    await releaseNoShows(db(), later);
    expect((await reload(checkedIn.id)).status).toBe('in_use');
    expect((await reload(equipment.id)).status).toBe('confirmed');
    expect((await reload(long.id)).status).toBe('confirmed');
  });

  it('two runs at once release each booking once, with one e-mail each', async () => {
    const due = await Promise.all(Array.from({ length: 12 }, () => confirmedVisit()));
    const ids = due.map((b) => b.id);
    const now = new Date(Math.max(...due.map((b) => b.startAt.getTime())) + 20 * MINUTE);
    const [a, b] = await Promise.all([releaseNoShows(db(), now), releaseNoShows(second, now)]);
    expect(a.released + b.released).toBeGreaterThanOrEqual(ids.length);
    const events = await db().select().from(bookingEvents).where(and(inArray(bookingEvents.bookingId, ids), eq(bookingEvents.action, 'mark_no_show')));
    const mails = await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
    expect(events.map((e) => e.bookingId).sort()).toEqual([...ids].sort());
    expect(mails.map((m) => m.bookingId).sort()).toEqual([...ids].sort());
  });

  it('no-shows are counted per applicant and department', async () => {
    const counts = await noShowCounts(db(), actors.admin, { from: at('2030-01-01', '00:00'), to: at('2031-01-01', '00:00') });
    const inPeriod = and(eq(bookings.status, 'no_show'), gte(bookings.startAt, at('2030-01-01', '00:00')), lt(bookings.startAt, at('2031-01-01', '00:00')));
    const mine = await db().select().from(bookings).where(and(inPeriod, eq(bookings.requesterUserId, actors.staff.id)));
    const department = await db().select().from(bookings).where(and(inPeriod, eq(bookings.departmentId, actors.staff.departmentId!)));
    expect(mine.length).toBeGreaterThanOrEqual(13);
    expect(counts.byApplicant.find((row) => row.requesterUserId === actors.staff.id)?.noShows).toBe(mine.length);
    expect(counts.byDepartment.find((row) => row.departmentId === actors.staff.departmentId)?.noShows).toBe(department.length);
    await expectDomainError(noShowCounts(db(), actors.staff, { from: at('2030-01-01', '00:00'), to: at('2031-01-01', '00:00') }), 'forbidden');
  });
});

describe(`completion job (${testDriver})`, () => {
  it('completes in-use bookings past their end (not checked out) and confirmed ones where no check-in is expected', async () => {
    const inUse = await confirmedVisit();
    await checkIn(db(), actors.staff, { bookingId: inUse.id }, { now: inUse.startAt });
    const equipment = await confirmedVisit({ resource: forklift });
    const awaitingNoShow = await confirmedVisit();
    await completeEnded(db(), minutes(inUse, 59));
    expect((await reload(inUse.id)).status).toBe('in_use');

    const end = new Date(Math.max(inUse.endAt.getTime(), equipment.endAt.getTime(), awaitingNoShow.endAt.getTime()));
    const first = await completeEnded(db(), end);
    expect(first.completed).toBeGreaterThanOrEqual(2);
    expect(first.notCheckedOut).toBeGreaterThanOrEqual(1);
    expect(await reload(inUse.id)).toMatchObject({ status: 'completed', notCheckedOut: true, checkedOutAt: null });
    expect(await reload(equipment.id)).toMatchObject({ status: 'completed', notCheckedOut: false });
    // A room nobody checked in to is the no-show job's, not completed.
    expect((await reload(awaitingNoShow.id)).status).toBe('confirmed');
    const events = await db().select().from(bookingEvents).where(and(eq(bookingEvents.bookingId, inUse.id), eq(bookingEvents.action, 'complete')));
    expect(events).toMatchObject([{ fromStatus: 'in_use', toStatus: 'completed', actorKind: 'system' }]);
    expect(await completeEnded(db(), end)).toEqual({ completed: 0, notCheckedOut: 0 });
  });
});

describe(`the customer's link and the door page (${testDriver})`, () => {
  it('a customer checks in with their manage link, inside the window only; a respond link cannot', async () => {
    const booking = await confirmedVisit({ requester: 'customer' });
    const manage = await issueToken(db(), { bookingId: booking.id, purpose: 'manage', expiresAt: booking.endAt });
    const respond = await issueToken(db(), { bookingId: booking.id, purpose: 'respond', expiresAt: booking.endAt });
    expect((await loadLinkPage(db(), manage, { now: minutes(booking, -30) }))?.actions.checkIn).toBe(false);
    expect((await loadLinkPage(db(), manage, { now: minutes(booking, -5) }))?.actions.checkIn).toBe(true);
    expect((await loadLinkPage(db(), respond, { now: minutes(booking, -5) }))?.actions.checkIn).toBe(false);
    await expectDomainError(checkInByLink(db(), manage, { now: minutes(booking, -30) }), 'check_in_not_open');
    await expectDomainError(checkInByLink(db(), respond, { now: minutes(booking, -5) }), 'token_invalid');
    await expect(checkInByLink(db(), manage, { now: minutes(booking, -5) })).resolves.toMatchObject({ status: 'in_use' });
    expect(await reload(booking.id)).toMatchObject({ checkedInVia: 'link', checkedInById: null });
  });

  it('the door page shows now and next today, and the viewer\'s own booking with check-in when it is open', async () => {
    const day = nextDay();
    const first = await seedBooking(db(), { resourceId: room.id, startAt: at(day, '09:00'), endAt: at(day, '10:00'), status: 'in_use', requester: actors.staff2 });
    const mine = await seedBooking(db(), { resourceId: room.id, startAt: at(day, '10:00'), endAt: at(day, '11:00'), status: 'confirmed', requester: actors.staff });
    const now = at(day, '09:50');
    const page = await loadDoorPage(db(), actors.staff, 'MR-302', { now });
    expect(page?.now).toMatchObject({ status: 'in_use', startAt: first.startAt, mine: null });
    expect(page?.next[0]).toMatchObject({ startAt: mine.startAt, mine: { id: mine.id, canCheckIn: true } });
    const anonymous = await loadDoorPage(db(), ANONYMOUS, 'MR-302', { now });
    expect(anonymous?.next[0].mine).toBeNull();
    expect(await loadDoorPage(db(), ANONYMOUS, 'NO-SUCH', { now })).toBeNull();
  });
});

describe(`inspection queue (${testDriver})`, () => {
  it('lists completed bookings not yet inspected, an issue or a missing check-out first; admin only', async () => {
    const fine = await confirmedVisit();
    await checkIn(db(), actors.staff, { bookingId: fine.id }, { now: fine.startAt });
    await checkOut(db(), actors.staff, { bookingId: fine.id, checklist: allDone(), condition: 'ok' }, { now: minutes(fine, 50) });
    const issue = await confirmedVisit();
    await checkIn(db(), actors.staff, { bookingId: issue.id }, { now: issue.startAt });
    await checkOut(db(), actors.staff, { bookingId: issue.id, checklist: allDone(), condition: 'issue', notes: '椅子坏了' }, { now: minutes(issue, 50) });
    const queue = await inspectionQueue(db(), actors.admin);
    const ids = queue.map((row) => row.id);
    expect(ids).toContain(fine.id);
    expect(ids.indexOf(issue.id)).toBeLessThan(ids.indexOf(fine.id));
    // Every flagged row comes before every other.
    const flagged = queue.map((row) => row.notCheckedOut || row.checkoutCondition === 'issue');
    expect(flagged).toEqual([...flagged].sort((a, b) => Number(b) - Number(a)));
    await inspectBooking(db(), actors.admin, { bookingId: issue.id, result: 'issue', notes: '已报修' });
    expect((await inspectionQueue(db(), actors.admin)).map((row) => row.id)).not.toContain(issue.id);
    await expectDomainError(inspectionQueue(db(), actors.staff), 'forbidden');
  });
});
