/**
 * What the applicant does with their booking: supply missing information, confirm or decline
 * an approval, cancel. Customer service does it for customers; e-mail links and replies reach
 * the same functions (`opts.tokenId`, `opts.viaEmailReply`).
 */
import { eq, gt } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { assertCapacity } from './rules';
import { optionalReasonSchema, parseInput, reasonSchema, supplementSchema } from './schemas';
import { canTransition } from './state';
import { authorizeApplicant, runTransition, step, type ApplicantOptions } from './transition';

export type { ApplicantOptions } from './transition';

/** How the applicant reached us, for the audit trail. */
function via(opts: ApplicantOptions): Record<string, unknown> | null {
  if (opts.tokenId) return { via: 'link' };
  if (opts.viaEmailReply) return { via: 'email_reply', ...(opts.replyMessageId && { messageId: opts.replyMessageId }) };
  return null;
}

export async function supplementBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; message: string; purpose?: string; attendees?: number; phone?: string; specialNeeds?: string },
  opts: ApplicantOptions = {},
): Promise<Booking> {
  const { bookingId, ...rest } = input;
  const { message, ...fields } = parseInput(supplementSchema, rest);
  const now = opts.now ?? new Date();
  const changes = {
    ...(fields.purpose !== undefined && { purpose: fields.purpose }),
    ...(fields.attendees !== undefined && { attendees: fields.attendees }),
    ...(fields.phone !== undefined && { contactPhone: fields.phone }),
    ...(fields.specialNeeds !== undefined && { specialNeeds: fields.specialNeeds }),
  };
  return runTransition(db, {
    ...step('supplement'),
    bookingId,
    now,
    authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['manage'] }),
    before: async (tx, booking) => {
      if (fields.attendees === undefined) return;
      const [resource] = await tx.select().from(resources).where(eq(resources.id, booking.resourceId));
      assertCapacity(resource, fields.attendees);
    },
    set: () => changes,
    note: message,
    data: () => ({ ...via(opts), ...(Object.keys(changes).length > 0 && { changed: changes }) }),
  });
}

type Timing = Pick<Booking, 'status' | 'confirmDeadline' | 'endAt'>;

/** An approval can be confirmed until its deadline. */
export function canStillConfirm(booking: Timing, now: Date): boolean {
  return canTransition('confirm', booking.status) && booking.confirmDeadline !== null && booking.confirmDeadline > now;
}

/** A booking can be cancelled, by anyone and through any channel, until it has ended. */
export function canStillCancel(booking: Timing, now: Date): boolean {
  return canTransition('cancel', booking.status) && booking.endAt > now;
}

/** Confirms an approval, only while the confirmation deadline has not passed. */
export async function confirmBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string },
  opts: ApplicantOptions = {},
): Promise<Booking> {
  const { bookingId } = input;
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('confirm'),
    bookingId,
    now,
    authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['respond', 'manage'] }),
    guard: gt(bookings.confirmDeadline, now),
    guardError: new DomainError('deadline_passed'),
    set: () => ({ confirmedAt: now }),
    data: () => via(opts),
    // Customer service is told of a confirmed customer booking (rule 8); staff bookings: no-op.
    notify: [{ kind: 'confirmed' }, { kind: 'service_confirmed' }],
  });
}

/**
 * Declines an approval: the booking ends as cancelled, freeing the slot, with the applicant's
 * reason — or the code 'declined' when they gave none (lib/booking/status-reason.ts).
 */
export async function declineBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason?: string },
  opts: ApplicantOptions = {},
): Promise<Booking> {
  const { bookingId, ...rest } = input;
  const { reason } = parseInput(optionalReasonSchema, rest);
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('decline'),
    bookingId,
    now,
    authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['respond', 'manage'] }),
    set: () => ({ statusReason: reason ?? 'declined' }),
    note: reason ?? null,
    data: () => via(opts),
    notify: [{ kind: 'declined' }],
  });
}

/**
 * The applicant (or admin, for anyone's booking) cancels with a reason — not once the booking
 * has ended: there is nothing left to give up then (`invalid_transition`).
 */
export async function cancelBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason: string },
  opts: ApplicantOptions = {},
): Promise<Booking> {
  const { bookingId, ...rest } = input;
  const { reason } = parseInput(reasonSchema, rest);
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('cancel'),
    bookingId,
    now,
    authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['manage'], allowAdmin: true }),
    guard: gt(bookings.endAt, now),
    guardError: new DomainError('invalid_transition'),
    set: () => ({ statusReason: reason }),
    note: reason,
    data: () => via(opts),
    notify: [{ kind: 'cancelled' }],
  });
}
