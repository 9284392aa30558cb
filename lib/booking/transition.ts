/**
 * One status change, done the same way everywhere: in one transaction, lock and load the
 * booking, authorize (a booking the actor may not see is `not_found`, before anything about its
 * state is revealed), then a single conditional UPDATE … WHERE id AND status IN (from)
 * RETURNING that also bumps `version`, an audit event, and the e-mail through the outbox.
 */
import { and, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { actionTokens, bookings, type Booking, type BookingStatus, type NewBooking } from '@/db/schema';
import { canActAsApplicant, canViewBooking, requireAdmin, SYSTEM, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { notify, type NotificationKind, type NotifyExtra } from '@/lib/mail/notify';
import type { TokenPurpose } from '@/lib/tokens';
import { recordEvent, type EventActor } from './events';
import { isUuid } from './ids';
import { withdrawPendingChange } from './change-requests';
import { isHolding, TRANSITIONS, type TransitionAction } from './state';

/** Locks the row so that the status read here is the one the UPDATE changes. */
export async function loadBookingForUpdate(tx: Db, bookingId: string): Promise<Booking | undefined> {
  if (!isUuid(bookingId)) return undefined;
  const [row] = await tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  return row;
}

/**
 * Decides who may act on the loaded booking (throwing `not_found` when it is missing or not
 * theirs to see) and names the actor for the audit trail.
 */
export type Authorize = (tx: Db, booking: Booking | undefined) => Promise<{ booking: Booking; actor: EventActor }>;

export interface TransitionSpec {
  bookingId: string;
  /** A status change from the table, or a note action that keeps the status (`to` omitted). */
  action: string;
  from: readonly BookingStatus[];
  to?: BookingStatus;
  authorize: Authorize;
  now: Date;
  /** Further columns, computed from the locked row. */
  set?: (booking: Booking) => Partial<NewBooking>;
  /** A further condition of the UPDATE (e.g. the deadline has not passed). */
  guard?: SQL;
  /** When the status allowed the action but `guard` did not: the error to throw. */
  guardError?: DomainError;
  /** Checks that need the locked row, run before the UPDATE (e.g. the new slot's rules). */
  before?: (tx: Db, booking: Booking) => Promise<void>;
  note?: string | null;
  data?: (booking: Booking) => Record<string, unknown> | null;
  /** E-mails about the change, queued in the same transaction. */
  notify?: { kind: NotificationKind; extra?: () => NotifyExtra }[];
}

export function step(action: TransitionAction): { action: TransitionAction; from: readonly BookingStatus[]; to?: BookingStatus } {
  return { action, ...TRANSITIONS[action] };
}

export function runTransition(db: Db, spec: TransitionSpec): Promise<Booking> {
  return db.transaction(async (tx) => {
    const { booking, actor } = await spec.authorize(tx, await loadBookingForUpdate(tx, spec.bookingId));
    if (!spec.from.includes(booking.status)) throw new DomainError('invalid_transition');
    await spec.before?.(tx, booking);
    const [updated] = await tx
      .update(bookings)
      .set({
        ...spec.set?.(booking),
        ...(spec.to ? { status: spec.to } : {}),
        version: sql`${bookings.version} + 1`,
        updatedAt: spec.now,
      })
      .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...spec.from]), spec.guard))
      .returning();
    // The row is locked and its status allowed the action, so only `guard` can refuse here.
    if (!updated) throw spec.guardError ?? new DomainError('invalid_transition');
    // A change request lives only as long as its booking holds: its slot is released with it.
    if (!isHolding(updated.status)) await withdrawPendingChange(tx, booking.id, spec.now);
    await recordEvent(tx, {
      bookingId: booking.id,
      fromStatus: booking.status,
      toStatus: updated.status,
      action: spec.action,
      actor,
      note: spec.note,
      data: spec.data?.(booking),
    });
    for (const mail of spec.notify ?? []) await notify(tx, mail.kind, booking.id, mail.extra?.());
    return updated;
  });
}

/** Scheduled jobs act as the system on whatever booking they picked. */
export const authorizeSystem: Authorize = async (_tx, booking) => {
  if (!booking) throw new DomainError('not_found');
  return { booking, actor: SYSTEM };
};

/** Admin-only actions: the role is checked before the booking is even looked at. */
export function authorizeAdmin(actor: Actor): Authorize {
  const admin = requireAdmin(actor);
  return async (_tx, booking) => {
    if (!booking) throw new DomainError('not_found');
    return { booking, actor: admin };
  };
}

export interface ApplicantOptions {
  now?: Date;
  /** A link token from an e-mail (resolved by the page): it is consumed in this transaction. */
  tokenId?: string;
  /** The system acts on a verified reply to a booking e-mail. */
  viaEmailReply?: boolean;
  /** That reply's Message-ID, kept on the event so a reply posted twice is acted on once. */
  replyMessageId?: string;
}

/**
 * The applicant's own actions: the staff requester, customer service for a customer's booking,
 * the customer through their link, a verified e-mail reply, or the bearer of a live link token
 * for this booking. `allowAdmin`: admin may do it to anyone's booking (cancel).
 */
export function authorizeApplicant(
  actor: Actor,
  opts: ApplicantOptions & { purposes: readonly TokenPurpose[]; allowAdmin?: boolean; now: Date },
): Authorize {
  const { tokenId } = opts;
  if (tokenId !== undefined) {
    return async (tx, booking) => {
      if (!booking) throw new DomainError('token_invalid');
      await consumeLinkToken(tx, tokenId, booking.id, opts.purposes, opts.now);
      // The link was sent to the applicant: the audit trail names them.
      const linkActor: EventActor =
        booking.requesterKind === 'staff' && booking.requesterUserId
          ? { kind: 'user', id: booking.requesterUserId }
          : { kind: 'customer' };
      return { booking, actor: linkActor };
    };
  }
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated');
  return async (_tx, booking) => {
    if (!booking || !canViewBooking(actor, booking)) throw new DomainError('not_found');
    const isAdmin = actor.kind === 'user' && actor.role === 'admin';
    if (!canActAsApplicant(actor, booking) && !(opts.allowAdmin && isAdmin)) throw new DomainError('forbidden');
    const eventActor: EventActor =
      actor.kind === 'system' && opts.viaEmailReply ? { kind: 'email_reply', userId: booking.requesterUserId } : actor;
    return { booking, actor: eventActor };
  };
}

/** Single use, this booking, an allowed purpose, not expired — or `token_invalid`. */
async function consumeLinkToken(
  tx: Db,
  tokenId: string,
  bookingId: string,
  purposes: readonly TokenPurpose[],
  now: Date,
): Promise<void> {
  if (!isUuid(tokenId)) throw new DomainError('token_invalid');
  const used = await tx
    .update(actionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(actionTokens.id, tokenId),
        eq(actionTokens.bookingId, bookingId),
        inArray(actionTokens.purpose, [...purposes]),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, now),
      ),
    )
    .returning({ id: actionTokens.id });
  if (used.length === 0) throw new DomainError('token_invalid');
}
