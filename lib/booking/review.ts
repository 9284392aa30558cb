/**
 * Admin's review (product rule 6): approve with an opinion — possibly for another time or
 * resource — reject, ask for more information, and ask departments to coordinate.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  bookings,
  coordinationRequests,
  departments,
  resources,
  type Booking,
  type CoordinationRequest,
} from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { withAlternatives } from './alternatives';
import { isSlotFree, lockResourceSchedule, type SlotQuery } from './availability';
import { loadPolicyContext } from './context';
import { recordEvent } from './events';
import { assertNotice, assertSlotRules } from './rules';
import {
  approveSchema,
  coordinationAnswerSchema,
  coordinationSchema,
  messageSchema,
  parseInput,
  reasonSchema,
} from './schemas';
import { ENDED_STATUSES, UNDER_REVIEW_STATUSES } from './state';
import { isUuid } from './ids';
import { authorizeAdmin, runTransition, step } from './transition';

const HOUR = 3_600_000;

/**
 * pending → awaiting_confirmation. The applicant must confirm within `confirm_window_hours`,
 * never later than the start. A moved slot (or a request registered without a hold) is checked
 * again and takes its hold here; a clash gives `slot_taken` with alternatives.
 */
export async function approveBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; opinion: string; resourceId?: string; startAt?: Date | string; endAt?: Date | string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { opinion, ...move } = parseInput(approveSchema, fields);
  const authorize = authorizeAdmin(actor);
  const ctx = await loadPolicyContext(db, opts.now);
  const { now } = ctx;
  let target: SlotQuery | undefined;
  const approve = () =>
    runTransition(db, {
      ...step('approve'),
      bookingId,
      now,
      authorize,
      before: async (tx, booking) => {
        target = {
          resourceId: move.resourceId ?? booking.resourceId,
          startAt: move.startAt ?? booking.startAt,
          endAt: move.endAt ?? booking.endAt,
          attendees: booking.attendees,
          excludeBookingId: booking.id,
          requesterKind: booking.requesterKind,
        };
        const [resource] = await tx.select().from(resources).where(eq(resources.id, target.resourceId));
        if (isMoved(booking, target)) assertSlotRules(resource, target, 'override', ctx);
        else assertNotice('override', target.startAt, ctx);
        if (!resource) throw new DomainError('slot_taken');
        await lockResourceSchedule(tx, resource.id);
        // A blackout may have been added since the request was made.
        if (!(await isSlotFree(tx, resource, target.startAt, target.endAt, { blackoutsOnly: true }))) {
          throw new DomainError('slot_taken');
        }
      },
      set: () => {
        // `before` has run: the target slot is known.
        const slot = target!;
        const deadline = Math.min(now.getTime() + ctx.settings.confirmWindowHours * HOUR, slot.startAt.getTime());
        return {
          resourceId: slot.resourceId,
          startAt: slot.startAt,
          endAt: slot.endAt,
          holdsSlot: true,
          reviewOpinion: opinion,
          approvedAt: now,
          confirmDeadline: new Date(deadline),
          confirmationReminderSentAt: null,
        };
      },
      note: opinion,
      data: (booking) =>
        isMoved(booking, target!)
          ? {
              moved: {
                from: { resourceId: booking.resourceId, startAt: booking.startAt, endAt: booking.endAt },
                to: { resourceId: target!.resourceId, startAt: target!.startAt, endAt: target!.endAt },
              },
            }
          : null,
      notify: [{ kind: 'approved' }],
    });
  return withAlternatives(db, ctx, () => target, 'override', approve);
}

function isMoved(booking: Booking, target: SlotQuery): boolean {
  return (
    booking.resourceId !== target.resourceId ||
    booking.startAt.getTime() !== target.startAt.getTime() ||
    booking.endAt.getTime() !== target.endAt.getTime()
  );
}

/** pending | needs_info → rejected, with the reason the applicant will read. */
export async function rejectBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { reason } = parseInput(reasonSchema, fields);
  return runTransition(db, {
    ...step('reject'),
    bookingId,
    now: opts.now ?? new Date(),
    authorize: authorizeAdmin(actor),
    set: () => ({ statusReason: reason }),
    note: reason,
    notify: [{ kind: 'rejected' }],
  });
}

/** pending → needs_info; the applicant is asked by e-mail and answers with `supplementBooking`. */
export async function requestInfo(
  db: Db,
  actor: Actor,
  input: { bookingId: string; message: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { message } = parseInput(messageSchema, fields);
  return runTransition(db, {
    ...step('request_info'),
    bookingId,
    now: opts.now ?? new Date(),
    authorize: authorizeAdmin(actor),
    set: () => ({ infoRequest: message }),
    note: message,
    notify: [{ kind: 'info_requested' }],
  });
}

/**
 * Asks departments to coordinate (important customers, special needs) while the request is
 * under review. The status stays; `version` moves so the e-mail to the contacts is new.
 * A department already asked is not asked twice.
 */
export async function requestCoordination(
  db: Db,
  actor: Actor,
  input: { bookingId: string; departmentIds: string[]; message: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { departmentIds, message } = parseInput(coordinationSchema, fields);
  const admin = requireAdmin(actor);
  const wanted = [...new Set(departmentIds)];
  const known = await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, wanted));
  if (known.length !== wanted.length) {
    throw new DomainError('invalid_input', undefined, { fields: { departmentIds: ['invalid_id'] } });
  }
  let asked: string[] = [];
  return runTransition(db, {
    action: 'coordination_requested',
    from: UNDER_REVIEW_STATUSES,
    bookingId,
    now: opts.now ?? new Date(),
    authorize: authorizeAdmin(admin),
    before: async (tx, booking) => {
      const inserted = await tx
        .insert(coordinationRequests)
        .values(wanted.map((departmentId) => ({ bookingId: booking.id, departmentId, message, requestedById: admin.id })))
        .onConflictDoNothing({ target: [coordinationRequests.bookingId, coordinationRequests.departmentId] })
        .returning({ departmentId: coordinationRequests.departmentId });
      asked = inserted.map((r) => r.departmentId);
      if (asked.length === 0) {
        throw new DomainError('invalid_input', undefined, { fields: { departmentIds: ['already_requested'] } });
      }
    },
    note: message,
    data: () => ({ departmentIds: asked }),
    notify: [{ kind: 'coordination_requested', extra: () => ({ departmentIds: asked }) }],
  });
}

/**
 * A department contact answers for their department (admin may record an answer too). A
 * request of another department is not found; an answer is given once.
 */
export async function answerCoordination(
  db: Db,
  actor: Actor,
  input: { coordinationId: string; answer: 'agree' | 'concerns'; comment?: string },
  opts: { now?: Date } = {},
): Promise<CoordinationRequest> {
  const user = requireUser(actor);
  const { coordinationId, ...fields } = input;
  const { answer, comment } = parseInput(coordinationAnswerSchema, fields);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = isUuid(coordinationId)
      ? await tx
          .select({ request: coordinationRequests, status: bookings.status })
          .from(coordinationRequests)
          .innerJoin(bookings, eq(bookings.id, coordinationRequests.bookingId))
          .where(eq(coordinationRequests.id, coordinationId))
      : [];
    const mayAnswer =
      found && (user.role === 'admin' || (user.isDepartmentContact && user.departmentId === found.request.departmentId));
    if (!mayAnswer) throw new DomainError('not_found');
    if ((ENDED_STATUSES as readonly string[]).includes(found.status)) throw new DomainError('invalid_transition');
    const [answered] = await tx
      .update(coordinationRequests)
      .set({ answer, comment: comment ?? null, answeredById: user.id, answeredAt: now })
      .where(and(eq(coordinationRequests.id, coordinationId), isNull(coordinationRequests.answer)))
      .returning();
    if (!answered) throw new DomainError('invalid_transition');
    await recordEvent(tx, {
      bookingId: answered.bookingId,
      fromStatus: found.status,
      toStatus: found.status,
      action: 'coordination_answered',
      actor: user,
      note: comment ?? null,
      data: { departmentId: answered.departmentId, answer },
    });
    return answered;
  });
}
