import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, coordinationRequests, departments, type Booking, type BookingStatus } from '@/db/schema';
import { cancelBooking, confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { getResourceCalendar } from '@/lib/booking/calendar-entries';
import { createStaffRequest } from '@/lib/booking/create';
import { coordinationInbox, getBookingDetail, listMyBookings, reviewQueue } from '@/lib/booking/queries';
import { registerPage, type RegisterQuery } from '@/lib/booking/register';
import { answerCoordination, approveBooking, rejectBooking, requestCoordination, requestInfo } from '@/lib/booking/review';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';
import type { ErrorCode } from '@/lib/errors';
import { testDriver, useTestDb } from '../helpers/db';
import { NOW, expectDomainError, loadActors, resourceByCode, seedBooking, slot, snapshot, type Who } from '../helpers/booking-fixtures';

const { db } = useTestDb();
let users: Record<Who, UserActor>;
let resourceId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  users = await loadActors(db());
  resourceId = (await resourceByCode(db(), 'MR-302')).id;
});

type Caller = 'anonymous' | Who;
type Target = 'own' | 'foreign' | 'customer';
const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'service', 'admin'];
const TARGETS: Target[] = ['own', 'foreign', 'customer'];

const actorOf = (caller: Caller): Actor => (caller === 'anonymous' ? ANONYMOUS : users[caller]);

/** Whose booking it is: the caller's own, another member of staff's, or a customer's. */
function requesterFor(caller: Caller, target: Target): UserActor | undefined {
  if (target === 'customer') return undefined;
  if (target === 'own') return caller === 'anonymous' ? users.staff : users[caller];
  return caller === 'staff' ? users.staff2 : users.staff;
}

let slotIndex = 0;
function nextSlot() {
  const startAt = new Date(Date.UTC(2030, 4, 1) + slotIndex++ * 2 * HOUR);
  return { startAt, endAt: new Date(startAt.getTime() + HOUR) };
}

interface Operation {
  status: BookingStatus;
  run: (actor: Actor, booking: Booking) => Promise<unknown>;
  /** The error for a caller who may not, or undefined when allowed. */
  refusal: (caller: Caller, target: Target) => ErrorCode | undefined;
}

const canSee = (caller: Caller, target: Target) =>
  caller === 'admin' || target === 'own' || (target === 'customer' && caller === 'service');
const applicantOnly = (caller: Caller, target: Target): ErrorCode | undefined => {
  if (caller === 'anonymous') return 'unauthenticated';
  if (!canSee(caller, target)) return 'not_found';
  return target === 'own' || (target === 'customer' && caller === 'service') ? undefined : 'forbidden';
};
const adminOnly = (caller: Caller): ErrorCode | undefined =>
  caller === 'anonymous' ? 'unauthenticated' : caller === 'admin' ? undefined : 'forbidden';

let techId: string;
const OPERATIONS: Record<string, Operation> = {
  view: {
    status: 'pending',
    run: (actor, b) => getBookingDetail(db(), actor, b.id, { now: NOW }),
    refusal: (caller, target) => (caller === 'anonymous' ? 'unauthenticated' : canSee(caller, target) ? undefined : 'not_found'),
  },
  supplement: {
    status: 'needs_info',
    run: (actor, b) => supplementBooking(db(), actor, { bookingId: b.id, message: '补充' }, { now: NOW }),
    refusal: applicantOnly,
  },
  confirm: {
    status: 'awaiting_confirmation',
    run: (actor, b) => confirmBooking(db(), actor, { bookingId: b.id }, { now: NOW }),
    refusal: applicantOnly,
  },
  decline: {
    status: 'awaiting_confirmation',
    run: (actor, b) => declineBooking(db(), actor, { bookingId: b.id }, { now: NOW }),
    refusal: applicantOnly,
  },
  cancel: {
    status: 'pending',
    run: (actor, b) => cancelBooking(db(), actor, { bookingId: b.id, reason: '取消' }, { now: NOW }),
    // Admin may cancel anyone's booking.
    refusal: (caller, target) => (caller === 'admin' ? undefined : applicantOnly(caller, target)),
  },
  approve: {
    status: 'pending',
    run: (actor, b) => approveBooking(db(), actor, { bookingId: b.id, opinion: '同意' }, { now: NOW }),
    refusal: adminOnly,
  },
  reject: {
    status: 'pending',
    run: (actor, b) => rejectBooking(db(), actor, { bookingId: b.id, reason: '不同意' }, { now: NOW }),
    refusal: adminOnly,
  },
  request_info: {
    status: 'pending',
    run: (actor, b) => requestInfo(db(), actor, { bookingId: b.id, message: '请补充' }, { now: NOW }),
    refusal: adminOnly,
  },
  request_coordination: {
    status: 'pending',
    run: (actor, b) => requestCoordination(db(), actor, { bookingId: b.id, departmentIds: [techId], message: '请协调' }, { now: NOW }),
    refusal: adminOnly,
  },
};

const matrix = Object.keys(OPERATIONS).flatMap((op) => CALLERS.flatMap((caller) => TARGETS.map((target) => [op, caller, target] as const)));

describe(`authorization matrix (${testDriver})`, () => {
  beforeAll(async () => {
    [{ id: techId }] = await db().select({ id: departments.id }).from(departments).where(eq(departments.code, 'TECH'));
  });

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
    const before = await snapshot(db(), booking.id);
    const refusal = operation.refusal(caller, target);
    if (refusal) {
      await expectDomainError(operation.run(actorOf(caller), booking), refusal);
      expect(await snapshot(db(), booking.id)).toEqual(before);
    } else {
      await operation.run(actorOf(caller), booking);
      const after = await snapshot(db(), booking.id);
      expect(after.events).toBe(op === 'view' ? before.events : before.events + 1);
    }
  });

  describe('creating requests', () => {
    const bookingCount = async () => (await db().select({ n: count() }).from(bookings))[0].n;
    const input = (extra: Record<string, unknown>) => ({
      resourceId,
      ...nextSlotOnWorkingDay(),
      purpose: '例会',
      phone: '021-5888 0009',
      ...extra,
    });
    // Fixed working-day slots inside opening hours, one per call.
    let day = 0;
    function nextSlotOnWorkingDay() {
      const days = ['2030-03-05', '2030-03-06', '2030-03-07', '2030-03-08', '2030-03-11', '2030-03-12'];
      const hours = ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'];
      const i = day++;
      const start = hours[i % hours.length];
      const end = `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`;
      return slot(days[Math.floor(i / hours.length)], start, end);
    }

    it.each(CALLERS)('%s for themselves', async (caller) => {
      const before = await bookingCount();
      const run = createStaffRequest(db(), actorOf(caller), input({}), { now: NOW });
      if (caller === 'anonymous') {
        await expectDomainError(run, 'unauthenticated');
        expect(await bookingCount()).toBe(before);
      } else {
        await expect(run).resolves.toMatchObject({ requesterUserId: users[caller].id, enteredById: null });
      }
    });

    it.each(CALLERS)('%s on behalf of someone else', async (caller) => {
      const before = await bookingCount();
      const run = createStaffRequest(
        db(),
        actorOf(caller),
        input({ onBehalfOfUserId: users.staff2.id, channel: 'phone' }),
        { now: NOW },
      );
      if (caller === 'admin') {
        await expect(run).resolves.toMatchObject({ requesterUserId: users.staff2.id, enteredById: users.admin.id });
      } else {
        await expectDomainError(run, caller === 'anonymous' ? 'unauthenticated' : 'forbidden');
        expect(await bookingCount()).toBe(before);
      }
    });
  });

  describe('answering coordination', () => {
    // TECH's contact is staff2@, CS's contact is service@; staff@ (SALES) is no contact.
    const ownDepartment: Record<Caller, string> = { anonymous: 'TECH', staff: 'SALES', staff2: 'TECH', service: 'CS', admin: 'ADM' };

    it.each(CALLERS.flatMap((caller) => (['own', 'foreign'] as const).map((t) => [caller, t] as const)))(
      '%s on a request to their %s department',
      async (caller, target) => {
        const code = target === 'own' ? ownDepartment[caller] : ownDepartment[caller] === 'WH' ? 'SALES' : 'WH';
        const [department] = await db().select().from(departments).where(eq(departments.code, code));
        const booking = await seedBooking(db(), { resourceId, ...nextSlot(), requester: users.staff });
        const [request] = await db()
          .insert(coordinationRequests)
          .values({ bookingId: booking.id, departmentId: department.id, message: '请协调', requestedById: users.admin.id })
          .returning();
        const before = await snapshot(db(), booking.id);
        const run = answerCoordination(db(), actorOf(caller), { coordinationId: request.id, answer: 'agree' });
        const allowed = caller === 'admin' || (target === 'own' && (caller === 'staff2' || caller === 'service'));
        if (allowed) {
          await expect(run).resolves.toMatchObject({ answer: 'agree' });
        } else {
          await expectDomainError(run, caller === 'anonymous' ? 'unauthenticated' : 'not_found');
          expect(await snapshot(db(), booking.id)).toEqual(before);
          const [unchanged] = await db().select().from(coordinationRequests).where(eq(coordinationRequests.id, request.id));
          expect(unchanged.answer).toBeNull();
        }
      },
    );
  });

  describe('lists', () => {
    const firstPage: RegisterQuery = { filter: {}, sort: '-startAt', limit: 50 };
    it.each(CALLERS)('%s: review queue, all bookings, my bookings, calendar, coordination inbox', async (caller) => {
      const actor = actorOf(caller);
      const range = [new Date('2030-05-01T00:00:00Z'), new Date('2030-05-08T00:00:00Z')] as const;
      if (caller === 'anonymous') {
        await expectDomainError(reviewQueue(db(), actor), 'unauthenticated');
        await expectDomainError(registerPage(db(), actor, firstPage), 'unauthenticated');
        await expectDomainError(listMyBookings(db(), actor), 'unauthenticated');
        await expectDomainError(getResourceCalendar(db(), actor, [resourceId], ...range), 'unauthenticated');
        await expectDomainError(coordinationInbox(db(), actor), 'unauthenticated');
        return;
      }
      const user = users[caller];
      if (caller === 'admin') {
        await expect(reviewQueue(db(), actor)).resolves.toBeInstanceOf(Array);
      } else {
        await expectDomainError(reviewQueue(db(), actor), 'forbidden');
      }
      // The register: admin and customer service (tests/db/booking-register.test.ts says what each sees).
      if (caller === 'admin' || caller === 'service') {
        await expect(registerPage(db(), actor, firstPage)).resolves.toBeInstanceOf(Array);
      } else {
        await expectDomainError(registerPage(db(), actor, firstPage), 'forbidden');
      }
      const mine = await listMyBookings(db(), actor);
      const owners = await db().select({ id: bookings.id, requesterUserId: bookings.requesterUserId }).from(bookings);
      const ownIds = owners.filter((b) => b.requesterUserId === user.id).map((b) => b.id);
      expect(mine.map((b) => b.id).sort()).toEqual(ownIds.sort());
      const calendar = await getResourceCalendar(db(), actor, [resourceId], ...range);
      expect(calendar.length).toBeGreaterThan(0);
      for (const entry of calendar) {
        if (entry.kind === 'booking') expect(entry.mine).toBe(ownIds.includes(entry.id));
        if (entry.requesterKind === 'customer' && caller.startsWith('staff')) expect(entry.title).toBeNull();
      }
      if (caller === 'staff') await expectDomainError(coordinationInbox(db(), actor), 'forbidden');
      else await expect(coordinationInbox(db(), actor)).resolves.toBeInstanceOf(Array);
    });
  });
});
