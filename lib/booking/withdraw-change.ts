/** The applicant takes back their own pending change request; its slot is released at once. */
import type { Db } from '@/db';
import type { Booking, ChangeRequest } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { endChange, loadPendingChange } from './change-requests';
import { authorizeApplicant, runTransition, step, type ApplicantOptions } from './transition';

export async function withdrawChange(
  db: Db,
  actor: Actor,
  input: { bookingId: string },
  opts: ApplicantOptions = {},
): Promise<Booking> {
  const now = opts.now ?? new Date();
  let change: ChangeRequest | undefined;
  return runTransition(db, {
    ...step('withdraw_change'),
    bookingId: input.bookingId,
    now,
    authorize: authorizeApplicant(actor, { ...opts, now, purposes: ['manage'] }),
    before: async (tx, booking) => {
      change = await loadPendingChange(tx, booking.id, { forUpdate: true });
      if (!change) throw new DomainError('no_pending_change');
      await endChange(tx, change.id, 'withdrawn', { byUserId: actor.kind === 'user' ? actor.id : null, note: null, now });
    },
    data: () => ({ changeRequestId: change!.id }),
  });
}
