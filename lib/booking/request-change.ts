/**
 * The applicant asks to move a held booking to another time or resource (product rule 9,
 * policy III.4 ①): staff in the portal, customer service for a customer, the customer on their
 * manage link. It must come at least `change_notice_hours` before the current start; later,
 * only admin can move it. The new slot is checked at once like a new request and, while admin
 * decides, held beside the booking's own (slot_holds): nobody else can take either.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { changeRequests, resources, type Booking, type ChangeRequest } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { withAlternatives } from './alternatives';
import { isSlotFree, lockResourceSchedule, type SlotQuery } from './availability';
import { loadPendingChange } from './change-requests';
import { loadPolicyContext, type LoadedContext } from './context';
import { assertSlotRules, formatZoned, type NoticeRule, type SlotResource } from './rules';
import { changeSlotSchema, parseInput, type ChangeSlotInput } from './schemas';
import { canTransition } from './state';
import { authorizeApplicant, runTransition, step, type ApplicantOptions } from './transition';

const HOUR = 3_600_000;

/** The last moment the applicant may ask to move this booking themselves. */
export function changeDeadline(booking: Pick<Booking, 'startAt'>, changeNoticeHours: number): Date {
  return new Date(booking.startAt.getTime() - changeNoticeHours * HOUR);
}

/** Whether the applicant may still ask to move the booking now (the domain checks it again). */
export function canRequestChange(
  booking: Pick<Booking, 'status' | 'holdsSlot' | 'startAt'>,
  now: Date,
  changeNoticeHours: number,
): boolean {
  return (
    canTransition('request_change', booking.status) &&
    booking.holdsSlot &&
    now.getTime() <= changeDeadline(booking, changeNoticeHours).getTime()
  );
}

/** `change_too_late` names the deadline: ISO for programs, wall-clock in the organisation's zone for people. */
export function assertChangeNotice(booking: Pick<Booking, 'startAt'>, ctx: LoadedContext): void {
  const deadline = changeDeadline(booking, ctx.settings.changeNoticeHours);
  if (ctx.now.getTime() > deadline.getTime()) {
    throw new DomainError('change_too_late', undefined, {
      params: { deadline: deadline.toISOString(), deadlineText: formatZoned(deadline, ctx.settings.timeZone) },
    });
  }
}

/** The slot a change (or admin's move) asks for, as the alternatives search sees it. */
export function targetSlot(booking: Booking, input: Pick<ChangeSlotInput, 'startAt' | 'endAt' | 'resourceId'>): SlotQuery {
  return {
    resourceId: input.resourceId ?? booking.resourceId,
    startAt: input.startAt,
    endAt: input.endAt,
    attendees: booking.attendees,
    excludeBookingId: booking.id,
    requesterKind: booking.requesterKind,
    customerBookableOnly: booking.requesterKind === 'customer',
  };
}

/**
 * The new slot's checks, in the caller's transaction: the rules of a new request (`notice`),
 * a customer's booking only on a customer-bookable resource, and free of every hold but the
 * booking's own. The resource's schedule lock is taken, so the write that follows is decided
 * here or by the exclusion constraint.
 */
export async function assertTargetSlot(
  tx: Db,
  booking: Booking,
  target: SlotQuery,
  notice: NoticeRule,
  ctx: LoadedContext,
): Promise<SlotResource> {
  if (
    booking.resourceId === target.resourceId &&
    booking.startAt.getTime() === target.startAt.getTime() &&
    booking.endAt.getTime() === target.endAt.getTime()
  ) {
    throw new DomainError('invalid_input', undefined, { fields: { startAt: ['unchanged_slot'] } });
  }
  const [resource] = await tx.select().from(resources).where(eq(resources.id, target.resourceId));
  if (resource && target.customerBookableOnly && !resource.customerBookable) throw new DomainError('resource_unavailable');
  assertSlotRules(resource, target, notice, ctx);
  await lockResourceSchedule(tx, resource.id);
  if (!(await isSlotFree(tx, resource, target.startAt, target.endAt, { excludeBookingId: booking.id }))) {
    throw new DomainError('slot_taken');
  }
  return resource;
}

export async function requestChange(
  db: Db,
  actor: Actor,
  input: { bookingId: string } & Record<string, unknown>,
  opts: ApplicantOptions = {},
): Promise<ChangeRequest> {
  const { bookingId, ...fields } = input;
  const change = parseInput(changeSlotSchema, fields);
  const ctx = await loadPolicyContext(db, opts.now);
  const { now } = ctx;
  let target: SlotQuery | undefined;
  let notice: NoticeRule = 'staff';
  let created: ChangeRequest | undefined;
  const ask = () =>
    runTransition(db, {
      ...step('request_change'),
      bookingId,
      now,
      authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['manage'] }),
      before: async (tx, booking) => {
        if (!booking.holdsSlot) throw new DomainError('invalid_transition');
        assertChangeNotice(booking, ctx);
        if (await loadPendingChange(tx, booking.id)) throw new DomainError('change_pending');
        notice = booking.requesterKind;
        target = targetSlot(booking, change);
        await assertTargetSlot(tx, booking, target, notice, ctx);
        [created] = await tx
          .insert(changeRequests)
          .values({
            bookingId: booking.id,
            newResourceId: target.resourceId,
            newStartAt: target.startAt,
            newEndAt: target.endAt,
            reason: change.reason,
            requestedById: actor.kind === 'user' ? actor.id : null,
            createdAt: now,
          })
          .returning();
      },
      note: change.reason,
      data: () => ({
        changeRequestId: created!.id,
        to: { resourceId: target!.resourceId, startAt: target!.startAt, endAt: target!.endAt },
        ...(opts.tokenId || actor.kind === 'customer' ? { via: 'link' } : {}),
      }),
      notify: [{ kind: 'change_requested' }],
    });
  await withAlternatives(db, ctx, () => target, () => notice, ask);
  return created!;
}
