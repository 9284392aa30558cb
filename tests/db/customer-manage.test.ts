/**
 * The e-mail links (lib/booking/booking-link.ts), for a customer's booking: a link reads and
 * changes its own booking only; loading it changes nothing; an expired or used link is closed
 * (still showing the booking, with nothing to do), an unknown or staff-manage token is no link;
 * the manage token survives the actions while the approval mail's respond token is used up;
 * nobody cancels a booking that has ended; a booking that needs information is answered on its
 * own manage link only.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actionTokens, bookingEvents, bookings, type Booking } from '@/db/schema';
import type { CustomerActor } from '@/lib/authz';
import { cancelBooking } from '@/lib/booking/applicant';
import {
  cancelByLink,
  confirmByLink,
  declineByLink,
  linkState,
  loadLinkPage,
  requestChangeByLink,
  supplementByLink,
} from '@/lib/booking/booking-link';
import { hashToken, issueToken } from '@/lib/tokens';
import { NOW, expectDomainError, outboxTemplates, resourceByCode, seedBooking, slot, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
let day = 5;

/** A customer booking on its own day, with a link token for it. */
async function customerBooking(
  status: Booking['status'] = 'pending',
  purpose: 'manage' | 'respond' = 'manage',
  expiresAt = new Date(NOW.getTime() + 30 * 24 * HOUR),
) {
  const showroom = await resourceByCode(db(), 'SR-101');
  const awaiting = status === 'awaiting_confirmation';
  const booking = await seedBooking(db(), {
    resourceId: showroom.id,
    ...slot(`2030-04-${String(day++).padStart(2, '0')}`, '10:00', '11:00'),
    status,
    approvedAt: awaiting ? NOW : null,
    confirmDeadline: awaiting ? new Date(NOW.getTime() + 24 * HOUR) : null,
  });
  const token = await issueToken(db(), { bookingId: booking.id, purpose, expiresAt });
  return { booking, token };
}

const tokenRow = async (token: string) =>
  (
    await db()
      .select()
      .from(actionTokens)
      .where(eq(actionTokens.tokenHash, hashToken(token)))
  )[0];

/** The page of a link that must exist. */
async function openLinkPage(database: ReturnType<typeof db>, token: string, opts: { now: Date }) {
  const page = await loadLinkPage(database, token, opts);
  if (!page) throw new Error('no such link');
  return page;
}

describe('loadLinkPage', () => {
  it('shows the booking of the token and changes nothing', async () => {
    const { booking, token } = await customerBooking('awaiting_confirmation');
    const before = await snapshot(db(), booking.id);
    const view = await openLinkPage(db(), token, { now: NOW });
    await openLinkPage(db(), token, { now: NOW });
    expect(view).toMatchObject({
      state: 'open',
      purpose: 'manage',
      applicant: 'customer',
      reference: booking.reference,
      status: 'awaiting_confirmation',
      timeZone: 'Asia/Shanghai',
      resource: { nameZh: '产品展厅', location: '总部 1 楼' },
      details: { contactName: '测试客户', company: '测试公司' },
      actions: { confirm: true, decline: true, cancel: true },
    });
    expect(view.resource.notesZh).toContain('平底鞋');
    expect(await snapshot(db(), booking.id)).toEqual(before);
    expect((await tokenRow(token)).usedAt).toBeNull();
  });

  it('offers only what the status allows; the respond link cannot cancel', async () => {
    const pending = await customerBooking('pending');
    expect((await openLinkPage(db(), pending.token, { now: NOW })).actions).toEqual({
      confirm: false,
      decline: false,
      cancel: true,
      checkIn: false,
      requestChange: true,
      supplement: false,
      reportProblem: false,
    });
    const respond = await customerBooking('awaiting_confirmation', 'respond');
    expect((await openLinkPage(db(), respond.token, { now: NOW })).actions).toEqual({
      confirm: true,
      decline: true,
      cancel: false,
      checkIn: false,
      requestChange: false,
      supplement: false,
      reportProblem: false,
    });
    await expectDomainError(cancelByLink(db(), respond.token, { reason: '改期' }, { now: NOW }), 'token_invalid');
    expect((await snapshot(db(), respond.booking.id)).booking.status).toBe('awaiting_confirmation');
  });

  it('the manage link asks to move the visit; the page then shows the pending change and offers no second one', async () => {
    const { booking, token } = await customerBooking('confirmed');
    const respond = await issueToken(db(), { bookingId: booking.id, purpose: 'respond', expiresAt: new Date(NOW.getTime() + HOUR) });
    const wanted = slot('2030-05-14', '14:00', '15:00');
    await expectDomainError(requestChangeByLink(db(), respond, { ...wanted, reason: '改期' }, { now: NOW }), 'token_invalid');
    await requestChangeByLink(db(), token, { ...wanted, reason: '航班改签' }, { now: NOW });
    const view = await openLinkPage(db(), token, { now: NOW });
    expect(view.actions.requestChange).toBe(false);
    expect(view.change?.pending).toMatchObject({ newStartAt: wanted.startAt, reason: '航班改签' });
    expect(await outboxTemplates(db(), booking.id)).toEqual(['change-requested']);
  });

  it('an expired link is closed: the booking and its status, no details, nothing to do', async () => {
    const expired = await customerBooking('pending', 'manage', new Date(NOW.getTime() - 1000));
    expect(await linkState(db(), expired.token, NOW)).toBe('expired');
    expect(await openLinkPage(db(), expired.token, { now: NOW })).toMatchObject({
      state: 'expired',
      reference: expired.booking.reference,
      status: 'pending',
      details: null,
      actions: { confirm: false, decline: false, cancel: false, requestChange: false },
    });
  });

  it('unknown, malformed and staff-booking manage tokens are no link at all', async () => {
    expect(await loadLinkPage(db(), 'x'.repeat(43), { now: NOW })).toBeNull();
    expect(await loadLinkPage(db(), '../../etc/passwd', { now: NOW })).toBeNull();
    expect(await linkState(db(), 'x'.repeat(43), NOW)).toBe('unknown');

    const room = await resourceByCode(db(), 'MR-302');
    const staffBooking = await seedBooking(db(), {
      resourceId: room.id,
      requester: actors.staff,
      ...slot('2030-04-02', '10:00', '11:00'),
    });
    const staffToken = await issueToken(db(), {
      bookingId: staffBooking.id,
      purpose: 'manage',
      expiresAt: new Date(NOW.getTime() + HOUR),
    });
    expect(await loadLinkPage(db(), staffToken, { now: NOW })).toBeNull();
    expect(await linkState(db(), staffToken, NOW)).toBe('unknown');
    await expectDomainError(cancelByLink(db(), staffToken, { reason: '不来了' }, { now: NOW }), 'token_invalid');
    expect((await snapshot(db(), staffBooking.id)).booking.status).toBe('pending');
  });

  it('an expired token changes nothing', async () => {
    const expired = await customerBooking('awaiting_confirmation', 'manage', new Date(NOW.getTime() - 1000));
    const before = await snapshot(db(), expired.booking.id);
    await expectDomainError(confirmByLink(db(), expired.token, { now: NOW }), 'token_invalid');
    await expectDomainError(declineByLink(db(), expired.token, {}, { now: NOW }), 'token_invalid');
    await expectDomainError(cancelByLink(db(), expired.token, { reason: '不来了' }, { now: NOW }), 'token_invalid');
    expect(await snapshot(db(), expired.booking.id)).toEqual(before);
  });
});

describe('a customer token and other bookings', () => {
  it('acts on its own booking only, whatever booking id the caller slips in', async () => {
    const mine = await customerBooking('pending');
    const theirs = await customerBooking('pending');
    const theirsBefore = await snapshot(db(), theirs.booking.id);

    const input = { reason: '行程有变', bookingId: theirs.booking.id } as { reason: string };
    expect(await cancelByLink(db(), mine.token, input, { now: NOW })).toEqual({
      reference: mine.booking.reference,
      status: 'cancelled',
    });
    expect(await snapshot(db(), theirs.booking.id)).toEqual(theirsBefore);
    expect((await openLinkPage(db(), theirs.token, { now: NOW })).reference).toBe(theirs.booking.reference);
  });

  it('the customer the link stands for cannot reach another booking through the domain (not_found)', async () => {
    const mine = await customerBooking('pending');
    const theirs = await customerBooking('pending');
    const me: CustomerActor = { kind: 'customer', bookingId: mine.booking.id, email: 'guest@customer.example.com' };
    const before = await snapshot(db(), theirs.booking.id);
    await expectDomainError(
      cancelBooking(db(), me, { bookingId: theirs.booking.id, reason: '别人的预约' }, { now: NOW }),
      'not_found',
    );
    expect(await snapshot(db(), theirs.booking.id)).toEqual(before);
  });
});

describe('customer actions', () => {
  it('confirm by the manage link: confirmed, customer and service desk told, the link still works', async () => {
    const { booking, token } = await customerBooking('awaiting_confirmation');
    expect(await confirmByLink(db(), token, { now: NOW })).toEqual({
      reference: booking.reference,
      status: 'confirmed',
    });
    expect(await outboxTemplates(db(), booking.id)).toEqual(['confirmed', 'service-confirmed']);
    expect((await tokenRow(token)).usedAt).toBeNull();
    const view = await openLinkPage(db(), token, { now: NOW });
    expect(view).toMatchObject({ status: 'confirmed', actions: { confirm: false, decline: false, cancel: true } });
  });

  it('confirm by the respond link uses it up: a second answer is refused, the page shows the new status', async () => {
    const { booking, token } = await customerBooking('awaiting_confirmation', 'respond');
    await confirmByLink(db(), token, { now: NOW });
    expect((await tokenRow(token)).usedAt).not.toBeNull();
    await expectDomainError(declineByLink(db(), token, {}, { now: NOW }), 'token_invalid');
    expect((await snapshot(db(), booking.id)).booking.status).toBe('confirmed');
    expect(await linkState(db(), token, NOW)).toBe('used');
    expect(await openLinkPage(db(), token, { now: NOW })).toMatchObject({
      state: 'used',
      status: 'confirmed',
      actions: { confirm: false, decline: false, cancel: false, requestChange: false },
    });
  });

  it("decline with a reason (the status reason is the customer's), or without (the code 'declined'); confirming after the deadline is refused", async () => {
    const declined = await customerBooking('awaiting_confirmation');
    expect((await declineByLink(db(), declined.token, { reason: '时间冲突' }, { now: NOW })).status).toBe(
      'cancelled',
    );
    expect((await snapshot(db(), declined.booking.id)).booking.statusReason).toBe('时间冲突');
    const silent = await customerBooking('awaiting_confirmation');
    await declineByLink(db(), silent.token, {}, { now: NOW });
    expect((await snapshot(db(), silent.booking.id)).booking.statusReason).toBe('declined');

    const late = await customerBooking('awaiting_confirmation');
    await expectDomainError(
      confirmByLink(db(), late.token, { now: new Date(NOW.getTime() + 25 * HOUR) }),
      'deadline_passed',
    );
  });

  it('nobody cancels a booking that has ended, by link, in the portal or as admin', async () => {
    // A link that outlives the visit (a manage link normally expires with it): the domain refuses all the same.
    const { booking, token } = await customerBooking('confirmed', 'manage', new Date(NOW.getTime() + 90 * 24 * HOUR));
    const afterEnd = new Date(booking.endAt.getTime() + 1000);
    expect((await openLinkPage(db(), token, { now: afterEnd })).actions.cancel).toBe(false);
    const before = await snapshot(db(), booking.id);
    await expectDomainError(cancelByLink(db(), token, { reason: '晚了' }, { now: afterEnd }), 'invalid_transition');
    await expectDomainError(
      cancelBooking(db(), actors.service, { bookingId: booking.id, reason: '晚了' }, { now: afterEnd }),
      'invalid_transition',
    );
    await expectDomainError(cancelBooking(db(), actors.admin, { bookingId: booking.id, reason: '晚了' }, { now: afterEnd }), 'invalid_transition');
    expect(await snapshot(db(), booking.id)).toEqual(before);
    // Until its end it can be.
    const beforeEnd = new Date(booking.endAt.getTime() - 1000);
    expect((await cancelByLink(db(), token, { reason: '临时有事' }, { now: beforeEnd })).status).toBe('cancelled');
  });

  it('cancel needs a reason (a field message, nothing changes)', async () => {
    const { booking, token } = await customerBooking('pending');
    const before = await snapshot(db(), booking.id);
    const error = await expectDomainError(cancelByLink(db(), token, { reason: '  ' }, { now: NOW }), 'invalid_input');
    expect(error.details.fields).toEqual({ reason: ['required'] });
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });
});

describe('the needs-information loop on the manage link', () => {
  /** A customer booking admin asked a question about. */
  async function needsInfo(purpose: 'manage' | 'respond' = 'manage') {
    const link = await customerBooking('needs_info', purpose);
    await db().update(bookings).set({ infoRequest: '请提供来访人员名单。' }).where(eq(bookings.id, link.booking.id));
    return link;
  }

  it('shows the question and a form; the answer sends the request back to review, in the history as for staff', async () => {
    const { booking, token } = await needsInfo();
    const view = await openLinkPage(db(), token, { now: NOW });
    expect(view.actions).toMatchObject({ supplement: true, confirm: false, decline: false });
    expect(view.details?.infoRequest).toBe('请提供来访人员名单。');

    expect(await supplementByLink(db(), token, { message: '张三、李四，共 2 人' }, { now: NOW })).toEqual({
      reference: booking.reference,
      status: 'pending',
    });
    const [event] = await db()
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.action, 'supplement')));
    expect(event).toMatchObject({ fromStatus: 'needs_info', toStatus: 'pending', note: '张三、李四，共 2 人', actorKind: 'customer' });
    expect((await tokenRow(token)).usedAt).toBeNull();
    const after = await openLinkPage(db(), token, { now: NOW });
    expect(after).toMatchObject({ status: 'pending', actions: { supplement: false }, details: { infoRequest: null } });
    // Answered once: a second answer is refused, nothing more is recorded.
    const before = await snapshot(db(), booking.id);
    await expectDomainError(supplementByLink(db(), token, { message: '再补充一次' }, { now: NOW }), 'invalid_transition');
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });

  it('an empty answer is a field message and changes nothing', async () => {
    const { booking, token } = await needsInfo();
    const before = await snapshot(db(), booking.id);
    const error = await expectDomainError(supplementByLink(db(), token, { message: '   ' }, { now: NOW }), 'invalid_input');
    expect(error.details.fields).toEqual({ message: ['required'] });
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });

  it('a respond link cannot answer, and a manage link answers its own booking only', async () => {
    const respond = await needsInfo('respond');
    expect((await openLinkPage(db(), respond.token, { now: NOW })).actions.supplement).toBe(false);
    const respondBefore = await snapshot(db(), respond.booking.id);
    await expectDomainError(supplementByLink(db(), respond.token, { message: '名单如下' }, { now: NOW }), 'token_invalid');
    expect(await snapshot(db(), respond.booking.id)).toEqual(respondBefore);
    expect((await tokenRow(respond.token)).usedAt).toBeNull();

    const mine = await needsInfo();
    const theirs = await needsInfo();
    const theirsBefore = await snapshot(db(), theirs.booking.id);
    const input = { message: '名单如下', bookingId: theirs.booking.id } as { message: string };
    expect(await supplementByLink(db(), mine.token, input, { now: NOW })).toEqual({ reference: mine.booking.reference, status: 'pending' });
    expect(await snapshot(db(), theirs.booking.id)).toEqual(theirsBefore);
  });
});
