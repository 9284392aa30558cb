import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionTokens, bookingEvents, bookingStatus, bookings, changeRequests, coordinationRequests, departments, type Booking, type BookingStatus } from '@/db/schema';
import { cancelBooking, confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { checkIn } from '@/lib/booking/check-in';
import { checkOut } from '@/lib/booking/check-out';
import { completeEnded } from '@/lib/booking/complete-ended';
import { inspectBooking } from '@/lib/booking/inspect';
import { expireUnconfirmed } from '@/lib/booking/jobs';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { answerCoordination, approveBooking, rejectBooking, requestCoordination, requestInfo } from '@/lib/booking/review';
import { adminCancelBooking } from '@/lib/booking/admin-cancel';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { approveChange } from '@/lib/booking/approve-change';
import { rejectChange } from '@/lib/booking/reject-change';
import { requestChange } from '@/lib/booking/request-change';
import { withdrawChange } from '@/lib/booking/withdraw-change';
import { canTransition, resultStatus, TRANSITION_ACTIONS, type TransitionAction } from '@/lib/booking/state';
import { SYSTEM } from '@/lib/authz';
import { issueToken } from '@/lib/tokens';
import { testDriver } from '../helpers/db';
import { NOW, expectDomainError, outboxTemplates, resourceByCode, seedBooking, slot, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
let resourceId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  resourceId = (await resourceByCode(db(), 'MR-302')).id;
});

// Every booking gets its own two-hour slot so that holding ones never collide.
let slotIndex = 0;
function nextSlot() {
  const startAt = new Date(Date.UTC(2030, 3, 1) + slotIndex++ * 2 * HOUR);
  return { startAt, endAt: new Date(startAt.getTime() + HOUR) };
}

function seedIn(status: BookingStatus, extra: Partial<Parameters<typeof seedBooking>[1]> = {}) {
  const awaiting = status === 'awaiting_confirmation';
  return seedBooking(db(), {
    resourceId,
    ...nextSlot(),
    status,
    requester: actors.staff,
    approvedAt: awaiting ? new Date(NOW.getTime() - HOUR) : null,
    confirmDeadline: awaiting ? new Date(NOW.getTime() + 23 * HOUR) : null,
    ...extra,
  });
}

// Free working-day slots for moves, one per call: 09:00–17:00 on weekdays from Monday 13 May 2030.
let moveIndex = 0;
function nextMove() {
  const i = moveIndex++;
  const day = new Date(Date.UTC(2030, 4, 13 + Math.floor(i / 8 / 5) * 7 + (Math.floor(i / 8) % 5)));
  const hour = 9 + (i % 8);
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return slot(day.toISOString().slice(0, 10), clock(hour), clock(hour + 1));
}

/** A pending change request put straight in (the state a decision starts from). */
async function seedChange(b: Booking) {
  await db()
    .insert(changeRequests)
    .values({ bookingId: b.id, newResourceId: b.resourceId, ...(({ startAt, endAt }) => ({ newStartAt: startAt, newEndAt: endAt }))(nextMove()), reason: '客户改期' });
}

/** Each action as its rightful actor would take it. */
const perform: Record<TransitionAction, (b: Booking) => Promise<unknown>> = {
  approve: (b) => approveBooking(db(), actors.admin, { bookingId: b.id, opinion: '同意。' }, { now: NOW }),
  reject: (b) => rejectBooking(db(), actors.admin, { bookingId: b.id, reason: '当天有全员大会。' }, { now: NOW }),
  request_info: (b) => requestInfo(db(), actors.admin, { bookingId: b.id, message: '请补充参会人员名单。' }, { now: NOW }),
  supplement: (b) => supplementBooking(db(), actors.staff, { bookingId: b.id, message: '名单见附件。' }, { now: NOW }),
  confirm: (b) => confirmBooking(db(), actors.staff, { bookingId: b.id }, { now: NOW }),
  decline: (b) => declineBooking(db(), actors.staff, { bookingId: b.id, reason: '会议取消' }, { now: NOW }),
  cancel: (b) => cancelBooking(db(), actors.staff, { bookingId: b.id, reason: '计划有变' }, { now: NOW }),
  request_change: (b) => requestChange(db(), actors.staff, { bookingId: b.id, ...nextMove(), reason: '客户改期' }, { now: NOW }),
  approve_change: async (b) => {
    await seedChange(b);
    return approveChange(db(), actors.admin, { bookingId: b.id, opinion: '同意改期' }, { now: NOW });
  },
  reject_change: async (b) => {
    await seedChange(b);
    return rejectChange(db(), actors.admin, { bookingId: b.id, reason: '新时段另有安排' }, { now: NOW });
  },
  withdraw_change: async (b) => {
    await seedChange(b);
    return withdrawChange(db(), actors.staff, { bookingId: b.id }, { now: NOW });
  },
  admin_move: (b) => adminMoveBooking(db(), actors.admin, { bookingId: b.id, ...nextMove(), reason: '会议室检修' }, { now: NOW }),
  admin_cancel: (b) => adminCancelBooking(db(), actors.admin, { bookingId: b.id, reason: '公司活动征用' }, { now: NOW }),
  // The expiry job, run after the deadline.
  expire: async (b) => {
    await db().update(bookings).set({ confirmDeadline: new Date(NOW.getTime() - HOUR) }).where(eq(bookings.id, b.id));
    await expireUnconfirmed(db(), NOW);
    const [after] = await db().select().from(bookings).where(eq(bookings.id, b.id));
    if (after.status !== 'expired') throw Object.assign(new Error('not expired'), { code: 'invalid_transition' });
  },
  // The visit: check-in at the start, check-out half an hour later, the jobs after the grace
  // period or the end (MR-302 asks for check-in; completing a confirmed booking needs a resource
  // that does not), inspection of the completed use.
  check_in: (b) => checkIn(db(), actors.staff, { bookingId: b.id }, { now: b.startAt }),
  check_out: async (b) => {
    const { checklist } = await resourceByCode(db(), 'MR-302');
    const answers = checklist.map(({ key }) => ({ key, done: true }));
    return checkOut(db(), actors.staff, { bookingId: b.id, checklist: answers, condition: 'ok' }, { now: new Date(b.startAt.getTime() + HOUR / 2) });
  },
  mark_no_show: (b) => releaseNoShows(db(), new Date(b.startAt.getTime() + HOUR / 2)),
  complete: async (b) => {
    if (b.status === 'confirmed') {
      await db().update(bookings).set({ resourceId: (await resourceByCode(db(), 'EQ-02')).id }).where(eq(bookings.id, b.id));
    }
    return completeEnded(db(), b.endAt);
  },
  inspect: (b) => inspectBooking(db(), actors.admin, { bookingId: b.id, result: 'ok' }, { now: NOW }),
};

/** Actions the scheduled jobs take: a refusal is a booking the job leaves alone. */
const JOB_ACTIONS: readonly TransitionAction[] = ['mark_no_show', 'complete'];

const MAIL: Record<TransitionAction, string[]> = {
  approve: ['approved'],
  reject: ['rejected'],
  request_info: ['info-requested'],
  // Supplying information returns the request to admin's queue; no mail is defined for it.
  supplement: [],
  confirm: ['confirmed'],
  decline: ['declined'],
  cancel: ['cancelled'],
  expire: ['expired'],
  request_change: ['change-requested'],
  approve_change: ['change-approved'],
  reject_change: ['change-rejected'],
  // Taking one's own request back needs no mail.
  withdraw_change: [],
  admin_move: ['moved'],
  admin_cancel: ['cancelled'],
  check_in: [],
  check_out: ['checked-out'],
  mark_no_show: ['no-show-released'],
  complete: [],
  inspect: [],
};

const cases = TRANSITION_ACTIONS.flatMap((action) => bookingStatus.enumValues.map((status) => [action, status] as const));

describe(`booking transitions (${testDriver})`, () => {
  it.each(cases.filter(([action, status]) => canTransition(action, status)))('%s from %s works', async (action, status) => {
    const booking = await seedIn(status);
    await perform[action](booking);
    const after = await snapshot(db(), booking.id);
    expect(after.booking.status).toBe(resultStatus(action, status));
    expect(after.booking.version).toBe(booking.version + 1);
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([[action, status, resultStatus(action, status)]]);
    expect(events[0].actorKind).toBe(action === 'expire' || JOB_ACTIONS.includes(action) ? 'system' : 'user');
    expect(await outboxTemplates(db(), booking.id)).toEqual(MAIL[action]);
  });

  it.each(cases.filter(([action, status]) => !canTransition(action, status)))(
    '%s from %s is refused and changes nothing',
    async (action, status) => {
      const booking = await seedIn(status, status === 'awaiting_confirmation' ? {} : { confirmDeadline: new Date(NOW.getTime() + HOUR) });
      const before = await snapshot(db(), booking.id);
      if (action === 'expire') {
        await db().update(bookings).set({ confirmDeadline: new Date(NOW.getTime() - HOUR) }).where(eq(bookings.id, booking.id));
        await expireUnconfirmed(db(), NOW);
        const after = await snapshot(db(), booking.id);
        expect({ ...after, booking: { ...after.booking, confirmDeadline: null } }).toEqual({
          ...before,
          booking: { ...before.booking, confirmDeadline: null },
        });
        return;
      }
      if (JOB_ACTIONS.includes(action)) {
        await perform[action](booking);
        expect(await snapshot(db(), booking.id)).toEqual(before);
        return;
      }
      // Checking out what nobody checked in says so.
      await expectDomainError(perform[action](booking), action === 'check_out' && status === 'confirmed' ? 'not_checked_in' : 'invalid_transition');
      expect(await snapshot(db(), booking.id)).toEqual(before);
    },
  );

  describe('approval', () => {
    it('sets the opinion and the deadline: the window, but never later than the start', async () => {
      const far = await seedIn('pending');
      const approved = await approveBooking(db(), actors.admin, { bookingId: far.id, opinion: '同意' }, { now: NOW });
      expect(approved).toMatchObject({ reviewOpinion: '同意', approvedAt: NOW });
      expect(approved.confirmDeadline?.toISOString()).toBe(new Date(NOW.getTime() + 24 * HOUR).toISOString());

      const soon = await seedIn('pending', { startAt: new Date(NOW.getTime() + 5 * HOUR), endAt: new Date(NOW.getTime() + 6 * HOUR) });
      const early = await approveBooking(db(), actors.admin, { bookingId: soon.id, opinion: '同意' }, { now: NOW });
      expect(early.confirmDeadline?.toISOString()).toBe(soon.startAt.toISOString());
    });

    it('for another time: the new slot is checked and held; the event records the move', async () => {
      const booking = await seedIn('pending');
      const moved = slot('2030-03-26', '14:00', '15:00');
      const approved = await approveBooking(db(), actors.admin, { bookingId: booking.id, opinion: '改到下午', ...moved }, { now: NOW });
      expect([approved.startAt, approved.endAt]).toEqual([moved.startAt, moved.endAt]);
      expect(approved.holdStart?.toISOString()).toBe(moved.startAt.toISOString());
      const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(event.data).toMatchObject({ moved: { to: { resourceId } } });

      const other = await seedIn('pending');
      await expectDomainError(
        approveBooking(db(), actors.admin, { bookingId: other.id, opinion: '改', ...slot('2030-03-26', '17:30', '18:30') }, { now: NOW }),
        'outside_hours',
      );
    });

    it('for a taken time (a request registered without a hold): slot_taken with alternatives, nothing changes', async () => {
      const held = await seedIn('confirmed');
      const unheld = await seedIn('pending', { startAt: held.startAt, endAt: held.endAt, holdsSlot: false });
      const before = await snapshot(db(), unheld.id);
      const error = await expectDomainError(
        approveBooking(db(), actors.admin, { bookingId: unheld.id, opinion: '同意' }, { now: NOW }),
        'slot_taken',
      );
      expect(error.details.alternatives?.length).toBeGreaterThan(0);
      expect(await snapshot(db(), unheld.id)).toEqual(before);
      // Approving it for one of the alternatives takes the hold.
      const alt = error.details.alternatives![0];
      const approved = await approveBooking(
        db(),
        actors.admin,
        { bookingId: unheld.id, opinion: '改期后同意', resourceId: alt.resourceId, startAt: alt.startAt, endAt: alt.endAt },
        { now: NOW },
      );
      expect(approved).toMatchObject({ status: 'awaiting_confirmation', holdsSlot: true });
    });
  });

  describe('confirmation', () => {
    it('is refused once the deadline has passed', async () => {
      const booking = await seedIn('awaiting_confirmation');
      const before = await snapshot(db(), booking.id);
      const late = new Date(booking.confirmDeadline!.getTime() + 1000);
      await expectDomainError(confirmBooking(db(), actors.staff, { bookingId: booking.id }, { now: late }), 'deadline_passed');
      expect(await snapshot(db(), booking.id)).toEqual(before);
    });

    it('works from an e-mail link token once; the token is used up', async () => {
      const booking = await seedIn('awaiting_confirmation');
      const tokenId = await db().transaction(async (tx) => {
        await issueToken(tx, { bookingId: booking.id, purpose: 'respond', expiresAt: booking.confirmDeadline! });
        const [row] = await tx.select().from(actionTokens).where(eq(actionTokens.bookingId, booking.id));
        return row.id;
      });
      const confirmed = await confirmBooking(db(), { kind: 'anonymous' }, { bookingId: booking.id }, { now: NOW, tokenId });
      expect(confirmed.status).toBe('confirmed');
      const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(event).toMatchObject({ actorKind: 'user', actorUserId: actors.staff.id, data: { via: 'link' } });
      const [token] = await db().select().from(actionTokens).where(eq(actionTokens.id, tokenId));
      expect(token.usedAt).not.toBeNull();

      const other = await seedIn('awaiting_confirmation');
      await expectDomainError(cancelBooking(db(), { kind: 'anonymous' }, { bookingId: booking.id, reason: 'x' }, { tokenId }), 'token_invalid');
      // A token for one booking does nothing to another.
      const otherToken = await db().transaction(async (tx) => {
        await issueToken(tx, { bookingId: booking.id, purpose: 'respond', expiresAt: booking.confirmDeadline! });
        const rows = await tx.select().from(actionTokens).where(and(eq(actionTokens.bookingId, booking.id)));
        return rows.find((r) => !r.usedAt)!.id;
      });
      const before = await snapshot(db(), other.id);
      await expectDomainError(
        declineBooking(db(), { kind: 'anonymous' }, { bookingId: other.id }, { now: NOW, tokenId: otherToken }),
        'token_invalid',
      );
      expect(await snapshot(db(), other.id)).toEqual(before);
    });

    it('a verified e-mail reply confirms on the applicant\'s behalf', async () => {
      const booking = await seedIn('awaiting_confirmation');
      await confirmBooking(db(), SYSTEM, { bookingId: booking.id }, { now: NOW, viaEmailReply: true });
      const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(event).toMatchObject({ action: 'confirm', actorKind: 'email_reply', actorUserId: actors.staff.id });
    });
  });

  it('supplementing updates the corrected fields (capacity checked) and returns the request to pending', async () => {
    const booking = await seedIn('needs_info');
    await expectDomainError(
      supplementBooking(db(), actors.staff, { bookingId: booking.id, message: '人数有变', attendees: 50 }, { now: NOW }),
      'over_capacity',
    );
    const updated = await supplementBooking(
      db(),
      actors.staff,
      { bookingId: booking.id, message: '已补充', purpose: '产品培训（附议程）', attendees: 6, phone: '139 0000 0000' },
      { now: NOW },
    );
    expect(updated).toMatchObject({ status: 'pending', purpose: '产品培训（附议程）', attendees: 6, contactPhone: '139 0000 0000' });
  });

  describe('coordination', () => {
    it('asks departments and lets their contacts answer once', async () => {
      const booking = await seedIn('pending');
      const [tech] = await db().select().from(departments).where(eq(departments.code, 'TECH'));
      await requestCoordination(
        db(),
        actors.admin,
        { bookingId: booking.id, departmentIds: [tech.id], message: '需要技术部派人讲解' },
        { now: NOW },
      );
      expect(await outboxTemplates(db(), booking.id)).toEqual(['coordination-requested']);
      await expectDomainError(
        requestCoordination(db(), actors.admin, { bookingId: booking.id, departmentIds: [tech.id], message: '再问一次' }),
        'invalid_input',
      );
      const [request] = await db().select().from(coordinationRequests).where(eq(coordinationRequests.bookingId, booking.id));
      // staff@ is not TECH's contact; service@ is a contact of another department.
      await expectDomainError(answerCoordination(db(), actors.staff, { coordinationId: request.id, answer: 'agree' }), 'not_found');
      await expectDomainError(answerCoordination(db(), actors.service, { coordinationId: request.id, answer: 'agree' }), 'not_found');
      await expectDomainError(
        answerCoordination(db(), actors.staff2, { coordinationId: request.id, answer: 'concerns' }),
        'invalid_input',
      );
      const answered = await answerCoordination(db(), actors.staff2, {
        coordinationId: request.id,
        answer: 'concerns',
        comment: '当天讲解员外出',
      });
      expect(answered).toMatchObject({ answer: 'concerns', comment: '当天讲解员外出', answeredById: actors.staff2.id });
      await expectDomainError(
        answerCoordination(db(), actors.staff2, { coordinationId: request.id, answer: 'agree' }),
        'invalid_transition',
      );
      const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
      expect(events.map((e) => e.action).sort()).toEqual(['coordination_answered', 'coordination_requested']);
    });

    it('is refused once the request is decided', async () => {
      const booking = await seedIn('awaiting_confirmation');
      const [tech] = await db().select().from(departments).where(eq(departments.code, 'TECH'));
      await expectDomainError(
        requestCoordination(db(), actors.admin, { bookingId: booking.id, departmentIds: [tech.id], message: '太晚了' }),
        'invalid_transition',
      );
    });
  });
});
