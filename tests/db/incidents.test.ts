/**
 * Damage and abnormality reports: who may report when, what a blocking report blocks and
 * flags, the one e-mail per affected applicant with alternatives, and resolving.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blackouts, bookingEvents, bookings, emailOutbox, incidents } from '@/db/schema';
import { checkSlot } from '@/lib/booking/availability';
import { createStaffRequest } from '@/lib/booking/create';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import { loadLinkPage, reportProblemByLink } from '@/lib/booking/booking-link';
import type { ErrorCode } from '@/lib/errors';
import { isOpenEnded } from '@/lib/incidents/open-ended';
import { reportIncident } from '@/lib/incidents/report';
import { reportClosesAt } from '@/lib/incidents/report-window';
import { resolveIncident } from '@/lib/incidents/resolve';
import { listIncidents, openIncidentCounts } from '@/lib/incidents/queries';
import { publicAvailability } from '@/lib/customer/public';
import { renderEmail } from '@/lib/mail/render';
import { issueToken } from '@/lib/tokens';
import { loadCalendarFeed } from '@/lib/staff-booking/calendar-feed';
import { feedEntries } from '@/lib/staff-booking/feed-entries';
import { NOW, at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A booking of `who` on the resource that is under way at NOW (10:00). */
async function currentBooking(code: string, requester = actors.staff, status: 'confirmed' | 'in_use' = 'confirmed') {
  const resource = await resourceByCode(db(), code);
  return seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-04', '09:00', '11:00'), status, requester });
}

describe('who may report', () => {
  it('the applicant during their booking and until two hours after its end; not before 30 minutes ahead', async () => {
    const booking = await currentBooking('EQ-01');
    const report = (now: Date) =>
      reportIncident(db(), actors.staff, booking.resourceId, { bookingId: booking.id, severity: 'minor', description: '仪表显示异常' }, { now });
    await expect(report(NOW)).resolves.toMatchObject({ affectedBookings: [] });
    await expect(report(new Date(booking.endAt.getTime() + 2 * HOUR))).resolves.toBeTruthy();
    const late = await expectDomainError(report(new Date(booking.endAt.getTime() + 2 * HOUR + MINUTE)), 'report_window_closed');
    expect(late.details.params).toMatchObject({ openMinutes: 30, closeHours: 2 });
    await expectDomainError(report(new Date(booking.startAt.getTime() - 31 * MINUTE)), 'report_window_closed');
    await expect(report(new Date(booking.startAt.getTime() - 30 * MINUTE))).resolves.toBeTruthy();

    const events = await db().select().from(bookingEvents).where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.action, 'incident_reported')));
    expect(events).toHaveLength(3);
    expect(events[0].note).toBe('仪表显示异常');
  });

  it('without naming the booking, staff report through their current booking on that resource', async () => {
    const booking = await currentBooking('EQ-02');
    const result = await reportIncident(db(), actors.staff, booking.resourceId, { severity: 'minor', description: '电量不足' }, { now: NOW });
    const [row] = await db().select().from(incidents).where(eq(incidents.id, result.id));
    expect(row).toMatchObject({ bookingId: booking.id, severity: 'minor', takesOutOfService: false, status: 'open' });
  });

  it('a pending or unconfirmed booking gives no right to report', async () => {
    const resource = await resourceByCode(db(), 'SW-B1');
    const booking = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-04', '09:00', '11:00'), status: 'awaiting_confirmation', requester: actors.staff });
    await expectDomainError(
      reportIncident(db(), actors.staff, resource.id, { bookingId: booking.id, severity: 'minor', description: 'x' }, { now: NOW }),
      'report_window_closed',
    );
  });

  describe('authorization matrix', () => {
    type Caller = 'anonymous' | 'staff' | 'staff2' | 'service' | 'admin' | 'otherCustomerLink';
    const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'service', 'admin', 'otherCustomerLink'];
    const actorOf = (caller: Caller, otherBookingId: string): Actor =>
      caller === 'anonymous'
        ? ANONYMOUS
        : caller === 'otherCustomerLink'
          ? { kind: 'customer', bookingId: otherBookingId, email: 'guest@customer.example.com' }
          : actors[caller];

    // staff's booking: staff and admin may; staff2 and customer service cannot see it; another booking's link cannot either.
    const REPORT: Record<Caller, ErrorCode | undefined> = {
      anonymous: 'unauthenticated',
      staff: undefined,
      staff2: 'not_found',
      service: 'not_found',
      admin: undefined,
      otherCustomerLink: 'not_found',
    };
    const RESOLVE: Record<Caller, ErrorCode | undefined> = {
      anonymous: 'unauthenticated',
      staff: 'forbidden',
      staff2: 'forbidden',
      service: 'forbidden',
      admin: undefined,
      otherCustomerLink: 'unauthenticated',
    };

    it.each(CALLERS.map((caller, i) => [caller, i] as const))('%s reporting on a staff booking, and resolving', async (caller, i) => {
      const resource = await resourceByCode(db(), 'MR-501');
      // Each caller's case on a day of its own; "now" is during the booking.
      const day = `2030-03-${String(11 + i).padStart(2, '0')}`;
      const booking = await seedBooking(db(), { resourceId: resource.id, ...slot(day, '09:00', '11:00'), status: 'confirmed', requester: actors.staff });
      const other = await seedBooking(db(), { resourceId: resource.id, ...slot(day, '14:00', '15:00'), status: 'confirmed' });
      const actor = actorOf(caller, other.id);
      const now = at(day, '10:00');
      const report = reportIncident(db(), actor, resource.id, { bookingId: booking.id, severity: 'minor', description: '椅子坏了' }, { now });
      if (REPORT[caller]) await expectDomainError(report, REPORT[caller]);
      else await expect(report).resolves.toBeTruthy();

      const incident = await reportIncident(db(), actors.admin, resource.id, { severity: 'minor', description: '检查' }, { now });
      const resolve = resolveIncident(db(), actor, incident.id, { notes: '已修好' }, { now });
      if (RESOLVE[caller]) await expectDomainError(resolve, RESOLVE[caller]);
      else await expect(resolve).resolves.toMatchObject({ status: 'resolved' });
    });

    it('customer service reports on a customer booking; the customer through their own link too', async () => {
      const resource = await resourceByCode(db(), 'SR-101');
      const visit = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-04', '09:00', '11:00'), status: 'confirmed' });
      await expect(
        reportIncident(db(), actors.service, resource.id, { bookingId: visit.id, severity: 'minor', description: '灯不亮' }, { now: NOW }),
      ).resolves.toBeTruthy();
      const link: Actor = { kind: 'customer', bookingId: visit.id, email: 'guest@customer.example.com' };
      await expect(reportIncident(db(), link, resource.id, { severity: 'minor', description: '展台松动' }, { now: NOW })).resolves.toBeTruthy();
    });

    it('staff with no booking on the resource may not report; a bad id is not found; bad input is 422', async () => {
      const resource = await resourceByCode(db(), 'MR-601');
      await expectDomainError(reportIncident(db(), actors.staff2, resource.id, { severity: 'minor', description: 'x' }, { now: NOW }), 'forbidden');
      await expectDomainError(reportIncident(db(), actors.admin, 'nope', { severity: 'minor', description: 'x' }, { now: NOW }), 'not_found');
      const bad = await expectDomainError(reportIncident(db(), actors.admin, resource.id, { severity: 'serious', description: '' }, { now: NOW }), 'invalid_input');
      expect(Object.keys(bad.details.fields ?? {}).sort()).toEqual(['description', 'severity']);
      const past = await expectDomainError(
        reportIncident(db(), actors.admin, resource.id, { severity: 'blocking', description: 'x', blockUntil: new Date(NOW.getTime() - HOUR).toISOString() }, { now: NOW }),
        'invalid_input',
      );
      expect(past.details.fields).toEqual({ blockUntil: ['incidents.validation.blockUntilPast'] });
    });
  });
});

describe('a blocking report', () => {
  it('blocks the resource until blockUntil, flags the held bookings inside and e-mails each applicant once with alternatives', async () => {
    const resource = await resourceByCode(db(), 'MR-301');
    const own = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-04', '09:00', '11:00'), status: 'in_use', requester: actors.staff });
    const staffLater = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-05', '14:00', '15:00'), status: 'confirmed', requester: actors.staff2 });
    const customerLater = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-06', '10:00', '11:00'), status: 'pending' });
    const cancelled = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-06', '14:00', '15:00'), status: 'cancelled', requester: actors.staff2 });
    const after = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-08', '10:00', '11:00'), status: 'confirmed', requester: actors.staff2 });
    const blockUntil = at('2030-03-07', '18:00');

    const result = await reportIncident(
      db(),
      actors.staff,
      resource.id,
      { bookingId: own.id, severity: 'blocking', description: '投影仪冒烟', blockUntil: blockUntil.toISOString() },
      { now: NOW },
    );
    expect(result.affectedBookings.map((b) => b.id)).toEqual([staffLater.id, customerLater.id]);
    expect(result.affectedBookings[0]).toMatchObject({ reference: staffLater.reference, startAt: staffLater.startAt, endAt: staffLater.endAt });

    const [block] = await db().select().from(blackouts).where(eq(blackouts.incidentId, result.id));
    expect(block).toMatchObject({ kind: 'maintenance', startAt: NOW, endAt: blockUntil, resourceId: resource.id });
    const [incident] = await db().select().from(incidents).where(eq(incidents.id, result.id));
    expect(incident).toMatchObject({ severity: 'blocking', takesOutOfService: true, blockUntil });

    for (const b of [staffLater, customerLater]) {
      const [row] = await db().select().from(bookings).where(eq(bookings.id, b.id));
      expect(row.flaggedReason).toBe('投影仪冒烟');
      expect(row.status).toBe(b.status);
      const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, b.id));
      expect(mails.map((m) => m.template)).toEqual(['incident-affected']);
      const alternatives = (mails[0].payload as { alternatives: { url: string }[] }).alternatives;
      expect(alternatives.length).toBeGreaterThan(0);
      const rendered = await renderEmail(mails[0]);
      expect(rendered.text).toContain('投影仪冒烟');
      expect(rendered.html).toContain(alternatives[0].url.replaceAll('&', '&amp;'));
    }
    // Customers get the public page, staff the filled-in form.
    const [customerMail] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, customerLater.id));
    expect((customerMail.payload as { alternatives: { url: string }[] }).alternatives[0].url).toContain('/book?resource=');
    const [staffMail] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, staffLater.id));
    expect((staffMail.payload as { alternatives: { url: string }[] }).alternatives[0].url).toContain('/bookings/new?');
    expect(staffMail.locale).toBe('zh');
    for (const b of [own, cancelled, after]) {
      expect(await db().select().from(emailOutbox).where(and(eq(emailOutbox.bookingId, b.id), eq(emailOutbox.template, 'incident-affected')))).toEqual([]);
    }

    // New requests inside the window are refused, after it they are fine.
    await expectDomainError(checkSlot(db(), { resourceId: resource.id, ...slot('2030-03-07', '09:00', '10:00'), requesterKind: 'staff' }, { now: NOW }), 'slot_taken');
    await expectDomainError(
      createStaffRequest(db(), actors.staff2, { resourceId: resource.id, ...slot('2030-03-07', '09:00', '10:00'), purpose: '例会', phone: '021-5888 0000' }, { now: NOW }),
      'slot_taken',
    );

    // Admin's list shows it with its affected bookings; the ledger overview counts it.
    const listed = (await listIncidents(db(), actors.admin)).find((r) => r.incident.id === result.id);
    expect(listed?.affected.map((a) => a.id)).toEqual([staffLater.id, customerLater.id]);
    expect((await openIncidentCounts(db(), actors.admin)).get(resource.id)).toMatchObject({ blocking: 1 });

    // Resolving ends the maintenance now and unflags; the slot can be requested again.
    const resolvedAt = new Date(NOW.getTime() + HOUR);
    const resolved = await resolveIncident(db(), actors.admin, result.id, { notes: '已更换投影仪' }, { now: resolvedAt });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已更换投影仪', resolvedAt });
    const [ended] = await db().select().from(blackouts).where(eq(blackouts.incidentId, result.id));
    expect(ended.endAt).toEqual(resolvedAt);
    const [unflagged] = await db().select().from(bookings).where(eq(bookings.id, staffLater.id));
    expect(unflagged.flaggedReason).toBeNull();
    await expect(
      createStaffRequest(db(), actors.staff2, { resourceId: resource.id, ...slot('2030-03-07', '09:00', '10:00'), purpose: '例会', phone: '021-5888 0000' }, { now: NOW }),
    ).resolves.toMatchObject({ status: 'pending' });
    await expectDomainError(resolveIncident(db(), actors.admin, result.id, { notes: '再次' }, { now: resolvedAt }), 'invalid_transition');
  });

  it('without blockUntil blocks until resolved; resolving at once removes the block', async () => {
    const resource = await resourceByCode(db(), 'MR-302');
    const far = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-05-20', '10:00', '11:00'), status: 'confirmed', requester: actors.staff2 });
    const result = await reportIncident(db(), actors.admin, resource.id, { severity: 'blocking', description: '漏水' }, { now: NOW });
    expect(result.affectedBookings.map((b) => b.id)).toContain(far.id);
    const [block] = await db().select().from(blackouts).where(eq(blackouts.incidentId, result.id));
    expect(isOpenEnded(block.endAt)).toBe(true);
    await expectDomainError(checkSlot(db(), { resourceId: resource.id, ...slot('2030-04-10', '10:00', '11:00'), requesterKind: 'staff' }, { now: NOW }), 'slot_taken');

    await resolveIncident(db(), actors.admin, result.id, { notes: '已修复' }, { now: NOW });
    expect(await db().select().from(blackouts).where(eq(blackouts.incidentId, result.id))).toEqual([]);
    await expect(checkSlot(db(), { resourceId: resource.id, ...slot('2030-04-10', '10:00', '11:00'), requesterKind: 'staff' }, { now: NOW })).resolves.toBeUndefined();
    const history = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, far.id));
    expect(history.map((e) => e.action)).toEqual(['incident_affected', 'incident_resolved']);
  });

  it('shows as maintenance on the public availability and the staff calendar feed, until further notice', async () => {
    const resource = await resourceByCode(db(), 'SR-101');
    const result = await reportIncident(db(), actors.admin, resource.id, { severity: 'blocking', description: '展柜玻璃破裂' }, { now: NOW });
    const answer = await publicAvailability(
      db(),
      { resourceId: resource.id, from: at('2030-03-05', '00:00').toISOString(), to: at('2030-03-06', '00:00').toISOString() },
      NOW,
    );
    expect(answer.maintenance).toEqual([{ startAt: NOW.toISOString(), endAt: expect.any(String), untilFurtherNotice: true }]);
    expect(answer.busy).toEqual([{ startAt: NOW.toISOString(), endAt: answer.maintenance[0].endAt }]);
    expect(JSON.stringify(answer)).not.toContain('展柜玻璃破裂');

    const feed = await loadCalendarFeed(db(), actors.staff2, { from: '2030-03-04', to: '2030-03-06', resourceIds: resource.id }, NOW);
    const block = feedEntries(feed).find((e) => e.kind === 'blackout');
    expect(block).toMatchObject({ blackoutKind: 'maintenance', untilFurtherNotice: true, title: '展柜玻璃破裂', start: '2030-03-04T10:00' });

    const answer2 = await publicAvailability(
      db(),
      { resourceId: resource.id, from: at('2030-03-04', '00:00').toISOString(), to: at('2030-03-05', '00:00').toISOString() },
      NOW,
    );
    expect(answer2.maintenance).toHaveLength(1);
    // Resolved: the period ended and is no longer announced (it stays in the ledger).
    await resolveIncident(db(), actors.admin, result.id, { notes: '已更换玻璃' }, { now: new Date(NOW.getTime() + HOUR) });
    const after = await publicAvailability(
      db(),
      { resourceId: resource.id, from: at('2030-03-04', '00:00').toISOString(), to: at('2030-03-05', '00:00').toISOString() },
      new Date(NOW.getTime() + 2 * HOUR),
    );
    expect(after.maintenance).toEqual([]);
  });
});

describe("the customer's manage link", () => {
  /** A customer's visit on its own day (the test reports relative to it), with the manage link its mails carry. */
  async function visitWithLink(day: string, status: 'confirmed' | 'pending' = 'confirmed', purpose: 'manage' | 'respond' = 'manage') {
    const resource = await resourceByCode(db(), 'SR-101');
    const visit = await seedBooking(db(), { resourceId: resource.id, ...slot(day, '09:00', '11:00'), status });
    // As lib/mail/notify.ts issues it: open until the report window closes.
    const token = await issueToken(db(), { bookingId: visit.id, purpose, expiresAt: reportClosesAt(visit) });
    return { visit, token, during: new Date(visit.startAt.getTime() + HOUR) };
  }

  it('offers the report during the visit and until two hours after it; a blocking one puts the resource under maintenance', async () => {
    const { visit, token, during } = await visitWithLink('2030-06-03');
    const early = await loadLinkPage(db(), token, { now: new Date(visit.startAt.getTime() - 31 * MINUTE) });
    expect(early?.actions.reportProblem).toBe(false);
    expect((await loadLinkPage(db(), token, { now: during }))?.actions.reportProblem).toBe(true);
    const after = new Date(visit.endAt.getTime() + 2 * HOUR - MINUTE);
    expect((await loadLinkPage(db(), token, { now: after }))?.actions.reportProblem).toBe(true);

    await expect(reportProblemByLink(db(), token, { severity: 'blocking', description: '展柜玻璃碎裂' }, { now: after })).resolves.toEqual({ affected: 0 });
    const [incident] = await db().select().from(incidents).where(eq(incidents.bookingId, visit.id));
    expect(incident).toMatchObject({ resourceId: visit.resourceId, severity: 'blocking', reportedById: null, takesOutOfService: true });
    const [block] = await db().select().from(blackouts).where(eq(blackouts.incidentId, incident.id));
    expect(block).toMatchObject({ kind: 'maintenance', resourceId: visit.resourceId, startAt: after });
    const [event] = await db()
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, visit.id), eq(bookingEvents.action, 'incident_reported')));
    expect(event).toMatchObject({ actorKind: 'customer', note: '展柜玻璃碎裂' });
    await resolveIncident(db(), actors.admin, incident.id, { notes: '已更换玻璃' }, { now: new Date(after.getTime() + MINUTE) });
  });

  it('refuses once the window has closed, bad input with field messages, and an approval link', async () => {
    const { visit, token, during } = await visitWithLink('2030-06-04');
    const closed = new Date(visit.endAt.getTime() + 2 * HOUR + MINUTE);
    expect((await loadLinkPage(db(), token, { now: closed }))?.actions.reportProblem).toBe(false);
    await expectDomainError(reportProblemByLink(db(), token, { severity: 'minor', description: '灯不亮' }, { now: closed }), 'token_invalid');
    const bad = await expectDomainError(reportProblemByLink(db(), token, { severity: 'serious', description: ' ' }, { now: during }), 'invalid_input');
    expect(Object.keys(bad.details.fields ?? {}).sort()).toEqual(['description', 'severity']);

    const respond = await visitWithLink('2030-06-05', 'confirmed', 'respond');
    await expectDomainError(reportProblemByLink(db(), respond.token, { severity: 'minor', description: '灯不亮' }, { now: respond.during }), 'token_invalid');
    expect(await db().select().from(incidents).where(inArray(incidents.bookingId, [visit.id, respond.visit.id]))).toEqual([]);
  });

  it('a visit not yet confirmed gives no right to report', async () => {
    const { token, during } = await visitWithLink('2030-06-06', 'pending');
    expect((await loadLinkPage(db(), token, { now: during }))?.actions.reportProblem).toBe(false);
    await expectDomainError(reportProblemByLink(db(), token, { severity: 'minor', description: '地面湿滑' }, { now: during }), 'report_window_closed');
  });
});
