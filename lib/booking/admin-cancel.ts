/**
 * Admin cancels any held booking with a reason — also an approved or confirmed one, which the
 * applicant's own channels cannot reach once it has moved on — until it has ended. The slot (and
 * any pending change request's) is released; the applicant is told why.
 */
import { gt } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
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
