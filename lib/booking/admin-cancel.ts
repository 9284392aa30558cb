/**
 * Admin cancels any held booking with a reason — also an approved or confirmed one, which the
 * applicant's own channels cannot reach once it has moved on — until it has ended. The slot (and
 * any pending change request's) is released; the applicant is told why.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { cancelBooking } from './applicant';
import { isUuid } from './ids';
import { parseInput, reasonSchema } from './schemas';
import { authorizeAdmin, runTransition, step } from './transition';

export async function adminCancelBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { reason } = parseInput(reasonSchema, fields);
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('admin_cancel'),
    bookingId,
    now,
    authorize: authorizeAdmin(actor),
    guard: gt(bookings.endAt, now),
    guardError: new DomainError('invalid_transition'),
    set: () => ({ statusReason: reason }),
    note: reason,
    notify: [{ kind: 'cancelled' }],
  });
}

/**
 * One "cancel" for callers that do not say in which capacity they cancel (POST …/cancel): admin
 * cancels someone else's booking as admin; on one's own booking everyone, admin included, cancels
 * as the applicant, so the history and the applicant's rules stay the same.
 */
export async function cancelAsCaller(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  if (actor.kind === 'user' && actor.role === 'admin' && isUuid(input.bookingId)) {
    const [own] = await db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.id, input.bookingId), eq(bookings.requesterUserId, actor.id)));
    if (!own) return adminCancelBooking(db, actor, input, opts);
  }
  return cancelBooking(db, actor, input, opts);
}
