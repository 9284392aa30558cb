/**
 * Customer priority (policy I.4, product rule 3): customer service asks admin to displace a
 * staff booking that holds the slot a customer wants and is not yet in use; only admin can
 * approve, and the displaced applicant is told at once, with alternatives.
 */
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import { bookings, resources, type Booking, type BookingStatus, type Resource } from '@/db/schema';
import { requireAdmin, requireServiceDesk, type Actor } from '@/lib/authz';
import { findAlternatives, type Alternative } from './alternatives';
import { isSlotFree } from './availability';
import { isUuid } from './ids';
import { approveBooking } from './review';
import type { SystemStatusReason } from './status-reason';
import { parseInput } from './schemas';
import { instantField } from '@/lib/validation/fields';
import { TRANSITIONS } from './state';
import { authorizeAdmin, runTransition, step } from './transition';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/mail/notify';
import { insertDeskRequest, type CustomerRequest, type DeskRequestKind } from './create-customer';
import { displacementDecisionSchema, priorityRequestSchema, V } from '@/lib/customer/schemas';

const MINUTE = 60_000;


/** A staff booking may be displaced while it could still be cancelled: not in use, not ended. */
const DISPLACEABLE: readonly BookingStatus[] = TRANSITIONS.cancel.from;

/**
 * Customer service files a priority request: a customer booking (priority `priority`) that
 * names the staff booking in its way. It is registered without a hold — the slot is taken
 * until admin approves — but everything else about the slot must already be fine: the
 * customer rules, and no other booking or blackout in the way.
 */
export async function filePriorityRequest(
  db: Db,
  actor: Actor,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<Booking> {
  const user = requireServiceDesk(actor);
  const { displaceBookingId, ...fields } = parseInput(priorityRequestSchema, input);
  const before: DeskRequestKind['before'] = async (tx, resource) => {
    const [displaced] = await tx.select().from(bookings).where(eq(bookings.id, displaceBookingId));
    if (!displaced || !standsInTheWay(displaced, resource, fields)) {
      throw new DomainError('invalid_input', undefined, { fields: { displaceBookingId: [V.not_displaceable] } });
    }
    if (!(await isSlotFree(tx, resource, fields.startAt, fields.endAt, { excludeBookingId: displaced.id }))) {
      throw new DomainError('slot_taken');
    }
  };
  return insertDeskRequest(db, user, fields, { holdsSlot: false, displacesBookingId: displaceBookingId, before }, opts.now);
}

/** A live staff booking on this resource whose hold overlaps the customer's wanted slot. */
function standsInTheWay(booking: Booking, resource: Resource, request: Pick<CustomerRequest, 'startAt' | 'endAt'>): boolean {
  const holdStart = request.startAt.getTime() - resource.setupBufferMinutes * MINUTE;
  const holdEnd = request.endAt.getTime() + resource.cleanupBufferMinutes * MINUTE;
  return (
    booking.requesterKind === 'staff' &&
    booking.resourceId === resource.id &&
    booking.holdsSlot &&
    DISPLACEABLE.includes(booking.status) &&
    booking.holdStart !== null &&
    booking.holdEnd !== null &&
    booking.holdStart.getTime() < holdEnd &&
    booking.holdEnd.getTime() > holdStart
  );
}

export interface DisplaceableBooking {
  id: string;
  startAt: Date;
  endAt: Date;
  status: BookingStatus;
  purpose: string;
}

const wantedSlotSchema = z.object({
  resourceId: z.string({ error: V.required }),
  startAt: instantField(V),
  endAt: instantField(V),
});

/**
 * The staff bookings standing in the way of the slot a customer wants (holds widened by the
 * resource's buffers) that could still be displaced: the shortlist customer service picks the
 * one a priority request names from. filePriorityRequest checks the choice again.
 */
export async function listDisplaceableBookings(db: Db, actor: Actor, input: unknown): Promise<DisplaceableBooking[]> {
  requireServiceDesk(actor);
  const wanted = parseInput(wantedSlotSchema, input);
  if (!isUuid(wanted.resourceId) || wanted.endAt <= wanted.startAt) return [];
  const [resource] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.id, wanted.resourceId), eq(resources.customerBookable, true)));
  if (!resource) return [];
  const holdStart = new Date(wanted.startAt.getTime() - resource.setupBufferMinutes * MINUTE);
  const holdEnd = new Date(wanted.endAt.getTime() + resource.cleanupBufferMinutes * MINUTE);
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        eq(bookings.requesterKind, 'staff'),
        inArray(bookings.status, [...DISPLACEABLE]),
        lt(bookings.holdStart, holdEnd),
        gt(bookings.holdEnd, holdStart),
      ),
    )
    .orderBy(asc(bookings.startAt));
  return rows
    .filter((b) => standsInTheWay(b, resource, wanted))
    .map(({ id, startAt, endAt, status, purpose }) => ({ id, startAt, endAt, status, purpose }));
}

export interface DisplacementResult {
  /** The customer's booking, now approved (awaiting the customer's confirmation) and holding. */
  customerBooking: Booking;
  /** The staff booking, now cancelled. */
  displacedBooking: Booking;
  /** Offered to the displaced applicant in their e-mail, best first. */
  alternatives: Alternative[];
}

/**
 * Admin approves a priority request, in one transaction:
 *  1. both bookings are locked (in id order, so two admins cannot deadlock);
 *  2. the staff booking, if still neither in use nor ended, becomes `cancelled` with the reason
 *     code `displaced`;
 *  3. the customer booking is approved through the review domain (deadline per the confirmation
 *     window) and takes its hold.
 * Releasing before taking keeps the exclusion constraint from ever seeing both holds; other
 * transactions see the commit as one step, so for them the slot is never free in between.
 * Anything else in the way (a new blackout, another hold) fails the approval and undoes all.
 */
export async function approveDisplacement(
  db: Db,
  actor: Actor,
  input: { bookingId: string; opinion: string },
  opts: { now?: Date } = {},
): Promise<DisplacementResult> {
  const admin = requireAdmin(actor);
  const { bookingId, ...fields } = input;
  const { opinion } = parseInput(displacementDecisionSchema, fields);
  const now = opts.now ?? new Date();

  // Taking the hold is checked by the exclusion constraint, which can deadlock with a
  // simultaneous request for the same time: PostgreSQL aborts one, and it runs again.
  return retryOnDeadlock(() =>
    db.transaction(async (tx) => {
      const { customer, staff } = await lockPriorityPair(tx, bookingId);
      if (!DISPLACEABLE.includes(staff.status)) throw new DomainError('invalid_transition');

      const displacedBooking = await runTransition(tx, {
        ...step('cancel'),
        action: 'displaced',
        bookingId: staff.id,
        now,
        authorize: authorizeAdmin(admin),
        set: () => ({ statusReason: 'displaced' satisfies SystemStatusReason }),
        data: () => ({ forBookingId: customer.id, forReference: customer.reference }),
      });

      const customerBooking = await approveBooking(tx, admin, { bookingId: customer.id, opinion }, { now });

      // Searched after the customer took the slot, so nothing offered collides with it.
      const alternatives = await findAlternatives(
        tx,
        {
          resourceId: staff.resourceId,
          startAt: staff.startAt,
          endAt: staff.endAt,
          attendees: staff.attendees,
          requesterKind: 'staff',
        },
        { now },
      );
      await notify(tx, 'displaced', staff.id, {
        alternatives: alternatives.map(({ resourceId, startAt, endAt }) => ({ resourceId, startAt, endAt })),
      });
      return { customerBooking, displacedBooking, alternatives };
    }),
  );
}

/** The priority request and the staff booking it names, both locked; or why not. */
async function lockPriorityPair(tx: Db, bookingId: string): Promise<{ customer: Booking; staff: Booking }> {
  const [request] = isUuid(bookingId) ? await tx.select().from(bookings).where(eq(bookings.id, bookingId)) : [];
  if (!request || request.priority !== 'priority' || !request.displacesBookingId) throw new DomainError('not_found');
  const locked = await tx
    .select()
    .from(bookings)
    .where(inArray(bookings.id, [request.id, request.displacesBookingId]))
    .orderBy(asc(bookings.id))
    .for('update');
  const customer = locked.find((b) => b.id === request.id);
  const staff = locked.find((b) => b.id === request.displacesBookingId);
  if (!customer || !staff) throw new DomainError('not_found');
  if (customer.status !== 'pending') throw new DomainError('invalid_transition');
  return { customer, staff };
}
