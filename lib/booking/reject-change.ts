/**
 * Admin refuses a change request with a reason: the slot it held is released at once, the
 * booking stays as it was, and the applicant is told why.
 */
import type { Db } from '@/db';
import type { Booking, ChangeRequest } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { endChange, loadPendingChange } from './change-requests';
import { parseInput, reasonSchema } from './schemas';
import { authorizeAdmin, runTransition, step } from './transition';

export async function rejectChange(
  db: Db,
  actor: Actor,
  input: { bookingId: string; reason: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { reason } = parseInput(reasonSchema, fields);
  const now = opts.now ?? new Date();
  let change: ChangeRequest | undefined;
  return runTransition(db, {
    ...step('reject_change'),
    bookingId,
    now,
    authorize: authorizeAdmin(actor),
    before: async (tx, booking) => {
      change = await loadPendingChange(tx, booking.id, { forUpdate: true });
      if (!change) throw new DomainError('no_pending_change');
      await endChange(tx, change.id, 'refused', { byUserId: actor.kind === 'user' ? actor.id : null, note: reason, now });
    },
    note: reason,
    data: () => ({ changeRequestId: change!.id }),
    notify: [{ kind: 'change_rejected' }],
  });
}
