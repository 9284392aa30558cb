/**
 * Who may check in, check out and inspect: every caller × a staff booking and a customer
 * booking — anonymous, the staff applicant, another member of staff, the customer link of
 * another booking, the customer link of this booking, customer service and admin. A refusal
 * changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Booking, BookingStatus, Resource } from '@/db/schema';
import { ANONYMOUS, type Actor, type CustomerActor } from '@/lib/authz';
import { checkIn } from '@/lib/booking/check-in';
import { checkOut } from '@/lib/booking/check-out';
import { inspectBooking } from '@/lib/booking/inspect';
import type { ErrorCode } from '@/lib/errors';
import { testDriver } from '../helpers/db';
import { expectDomainError, resourceByCode, seedBooking, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
let room: Resource;
let otherCustomerBooking: Booking;

type Caller = 'anonymous' | 'staff' | 'staff2' | 'otherLink' | 'ownLink' | 'service' | 'admin';
type Target = 'staff' | 'customer';
const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'otherLink', 'ownLink', 'service', 'admin'];
const TARGETS: Target[] = ['staff', 'customer'];

const link = (booking: Booking): CustomerActor => ({ kind: 'customer', bookingId: booking.id, email: booking.contactEmail ?? '' });

function actorOf(caller: Caller, booking: Booking): Actor {
  if (caller === 'anonymous') return ANONYMOUS;
  if (caller === 'otherLink') return link(otherCustomerBooking);
  if (caller === 'ownLink') return link(booking);
  return actors[caller];
}

let slotIndex = 0;
function nextSlot() {
  const startAt = new Date(Date.UTC(2030, 5, 3, 2) + slotIndex++ * 2 * HOUR);
  return { startAt, endAt: new Date(startAt.getTime() + HOUR) };
}

/** Check-in and check-out: the applicant (either kind), customer service for customers, admin. */
function visitRefusal(caller: Caller, target: Target): ErrorCode | undefined {
  if (caller === 'anonymous') return 'unauthenticated';
  if (caller === 'admin') return undefined;
  if (target === 'staff') return caller === 'staff' ? undefined : 'not_found';
  return caller === 'ownLink' || caller === 'service' ? undefined : 'not_found';
}

/** Inspection: admin only; a link is no signed-in user. */
function inspectRefusal(caller: Caller): ErrorCode | undefined {
  if (caller === 'admin') return undefined;
  return caller === 'anonymous' || caller === 'otherLink' || caller === 'ownLink' ? 'unauthenticated' : 'forbidden';
}

interface Operation {
  status: BookingStatus;
  run: (actor: Actor, booking: Booking) => Promise<unknown>;
  refusal: (caller: Caller, target: Target) => ErrorCode | undefined;
}

const OPERATIONS: Record<string, Operation> = {
  check_in: {
    status: 'confirmed',
    run: (actor, b) => checkIn(db(), actor, { bookingId: b.id }, { now: b.startAt }),
    refusal: visitRefusal,
  },
  check_out: {
    status: 'in_use',
    run: (actor, b) =>
      checkOut(
        db(),
        actor,
        { bookingId: b.id, checklist: room.checklist.map(({ key }) => ({ key, done: true })), condition: 'ok' },
        { now: new Date(b.startAt.getTime() + HOUR / 2) },
      ),
    refusal: visitRefusal,
  },
  inspect: {
    status: 'completed',
    run: (actor, b) => inspectBooking(db(), actor, { bookingId: b.id, result: 'ok' }, { now: b.endAt }),
    refusal: (caller) => inspectRefusal(caller),
  },
};

const matrix = Object.keys(OPERATIONS).flatMap((op) => CALLERS.flatMap((caller) => TARGETS.map((target) => [op, caller, target] as const)));

describe(`visit authorization matrix (${testDriver})`, () => {
  beforeAll(async () => {
    room = await resourceByCode(db(), 'MR-302');
    otherCustomerBooking = await seedBooking(db(), { resourceId: room.id, ...nextSlot(), status: 'confirmed' });
  });

  it.each(matrix)('%s by %s on a %s booking', async (op, caller, target) => {
    const operation = OPERATIONS[op];
    const booking = await seedBooking(db(), {
      resourceId: room.id,
      ...nextSlot(),
      status: operation.status,
      requester: target === 'staff' ? actors.staff : undefined,
    });
    const before = await snapshot(db(), booking.id);
    const refusal = operation.refusal(caller, target);
    if (refusal) {
      await expectDomainError(operation.run(actorOf(caller, booking), booking), refusal);
      expect(await snapshot(db(), booking.id)).toEqual(before);
    } else {
      await operation.run(actorOf(caller, booking), booking);
      expect((await snapshot(db(), booking.id)).events).toBe(before.events + 1);
    }
  });
});
