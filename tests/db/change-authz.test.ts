/**
 * Who may ask for, decide and withdraw a change, and who may move or cancel as admin: every
 * caller (anonymous, staff A, staff B, a customer holding the link of another booking, customer
 * service, admin) on the caller's own booking, another member of staff's and a customer's.
 * A refusal changes nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeRequests, type Booking, type BookingStatus } from '@/db/schema';
import { adminCancelBooking } from '@/lib/booking/admin-cancel';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { approveChange } from '@/lib/booking/approve-change';
import { getBookingDetail } from '@/lib/booking/queries';
import { rejectChange } from '@/lib/booking/reject-change';
import { requestChange } from '@/lib/booking/request-change';
import { withdrawChange } from '@/lib/booking/withdraw-change';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';
import type { ErrorCode } from '@/lib/errors';
import { testDriver, useTestDb } from '../helpers/db';
import { NOW, expectDomainError, loadActors, resourceByCode, seedBooking, slot, snapshot, type Who } from '../helpers/booking-fixtures';

const { db } = useTestDb();
let users: Record<Who, UserActor>;
let resourceId: string;
let targetResourceId: string;
let otherBooking: Booking;
const HOUR = 3_600_000;

type Caller = 'anonymous' | 'customerLink' | Who;
type Target = 'own' | 'foreign' | 'customer';
const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'customerLink', 'service', 'admin'];
const TARGETS: Target[] = ['own', 'foreign', 'customer'];

beforeAll(async () => {
  users = await loadActors(db());
  resourceId = (await resourceByCode(db(), 'MR-302')).id;
  // Customers may book MR-501, so every booking may be moved there.
  targetResourceId = (await resourceByCode(db(), 'MR-501')).id;
  otherBooking = await seedBooking(db(), { resourceId, ...nextSlot() });
});

function actorOf(caller: Caller): Actor {
  if (caller === 'anonymous') return ANONYMOUS;
  // A customer holding a manage link — of another booking than the one acted on.
  if (caller === 'customerLink') return { kind: 'customer', bookingId: otherBooking.id, email: 'guest@customer.example.com' };
  return users[caller];
}

function requesterFor(caller: Caller, target: Target): UserActor | undefined {
  if (target === 'customer') return undefined;
  if (target === 'own') return caller === 'anonymous' || caller === 'customerLink' ? users.staff : users[caller];
  return caller === 'staff' ? users.staff2 : users.staff;
}

let slotIndex = 0;
function nextSlot() {
  const startAt = new Date(Date.UTC(2030, 4, 1) + slotIndex++ * 2 * HOUR);
  return { startAt, endAt: new Date(startAt.getTime() + HOUR) };
}

// Free working-day slots on MR-501 for the new time, one per call: weekdays from 11 March 2030.
let moveIndex = 0;
function nextMove() {
  const i = moveIndex++;
  const day = new Date(Date.UTC(2030, 2, 11 + Math.floor(i / 8 / 5) * 7 + (Math.floor(i / 8) % 5)));
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return { ...slot(day.toISOString().slice(0, 10), clock(9 + (i % 8)), clock(10 + (i % 8))), resourceId: targetResourceId };
}

const canSee = (caller: Caller, target: Target) =>
  caller === 'admin' || (caller !== 'customerLink' && target === 'own') || (target === 'customer' && caller === 'service');
const applicantOnly = (caller: Caller, target: Target): ErrorCode | undefined => {
  if (caller === 'anonymous') return 'unauthenticated';
  if (!canSee(caller, target)) return 'not_found';
  return target === 'own' || (target === 'customer' && caller === 'service') ? undefined : 'forbidden';
};
const adminOnly = (caller: Caller): ErrorCode | undefined =>
  caller === 'anonymous' || caller === 'customerLink' ? 'unauthenticated' : caller === 'admin' ? undefined : 'forbidden';

interface Operation {
  status: BookingStatus;
  /** A change request is pending before the call. */
  pending?: boolean;
  run: (actor: Actor, booking: Booking) => Promise<unknown>;
  refusal: (caller: Caller, target: Target) => ErrorCode | undefined;
}

const OPERATIONS: Record<string, Operation> = {
  request_change: {
    status: 'confirmed',
    run: (actor, b) => requestChange(db(), actor, { bookingId: b.id, ...nextMove(), reason: '改期' }, { now: NOW }),
    refusal: applicantOnly,
  },
  withdraw_change: {
    status: 'pending',
    pending: true,
    run: (actor, b) => withdrawChange(db(), actor, { bookingId: b.id }, { now: NOW }),
    refusal: applicantOnly,
  },
  approve_change: {
    status: 'awaiting_confirmation',
    pending: true,
    run: (actor, b) => approveChange(db(), actor, { bookingId: b.id, opinion: '同意' }, { now: NOW }),
    refusal: adminOnly,
  },
  reject_change: {
    status: 'confirmed',
    pending: true,
    run: (actor, b) => rejectChange(db(), actor, { bookingId: b.id, reason: '不同意' }, { now: NOW }),
    refusal: adminOnly,
  },
  admin_move: {
    status: 'confirmed',
    run: (actor, b) => adminMoveBooking(db(), actor, { bookingId: b.id, ...nextMove(), reason: '检修' }, { now: NOW }),
    refusal: adminOnly,
  },
  admin_cancel: {
    status: 'confirmed',
    run: (actor, b) => adminCancelBooking(db(), actor, { bookingId: b.id, reason: '征用' }, { now: NOW }),
    refusal: adminOnly,
  },
};

const matrix = Object.keys(OPERATIONS).flatMap((op) => CALLERS.flatMap((caller) => TARGETS.map((target) => [op, caller, target] as const)));

describe(`change authorization matrix (${testDriver})`, () => {
  it.each(matrix)('%s by %s on a %s booking', async (op, caller, target) => {
    const operation = OPERATIONS[op];
    const booking = await seedBooking(db(), {
      resourceId,
      ...nextSlot(),
      status: operation.status,
      requester: requesterFor(caller, target),
      approvedAt: operation.status === 'awaiting_confirmation' ? NOW : null,
      confirmDeadline: operation.status === 'awaiting_confirmation' ? new Date(NOW.getTime() + 24 * HOUR) : null,
    });
    if (operation.pending) {
      const move = nextMove();
      await db().insert(changeRequests).values({ bookingId: booking.id, newResourceId: move.resourceId, newStartAt: move.startAt, newEndAt: move.endAt, reason: '改期' });
    }
    const before = await snapshot(db(), booking.id);
    const changesBefore = await db().select().from(changeRequests).where(eq(changeRequests.bookingId, booking.id));
    const refusal = operation.refusal(caller, target);
    if (refusal) {
      await expectDomainError(operation.run(actorOf(caller), booking), refusal);
      expect(await snapshot(db(), booking.id)).toEqual(before);
      expect(await db().select().from(changeRequests).where(eq(changeRequests.bookingId, booking.id))).toEqual(changesBefore);
    } else {
      await operation.run(actorOf(caller), booking);
      expect((await snapshot(db(), booking.id)).events).toBe(before.events + 1);
    }
  });

  it.each(CALLERS.flatMap((caller) => TARGETS.map((target) => [caller, target] as const)))(
    'the pending change on the booking page: %s on a %s booking',
    async (caller, target) => {
      const booking = await seedBooking(db(), { resourceId, ...nextSlot(), status: 'confirmed', requester: requesterFor(caller, target) });
      const move = nextMove();
      await db().insert(changeRequests).values({ bookingId: booking.id, newResourceId: move.resourceId, newStartAt: move.startAt, newEndAt: move.endAt, reason: '改期' });
      const run = getBookingDetail(db(), actorOf(caller), booking.id, { now: NOW });
      if (caller === 'anonymous') await expectDomainError(run, 'unauthenticated');
      else if (canSee(caller, target)) await expect(run).resolves.toMatchObject({ pendingChange: { newStartAt: move.startAt, reason: '改期' } });
      else await expectDomainError(run, 'not_found');
    },
  );
});
