/**
 * Admin moves any held booking to another time or resource, with a reason (product rule 9:
 * after the change notice only admin can). The new slot is checked like a new request — admin's
 * notice rule: not in the past — and taken in the same transaction; a pending change request is
 * superseded. The applicant gets the new details with an `.ics` of a higher SEQUENCE.
 */
import type { Db } from '@/db';
import type { Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { withAlternatives } from './alternatives';
import type { SlotQuery } from './availability';
import { endChange, loadPendingChange } from './change-requests';
import { loadPolicyContext } from './context';
import { assertTargetSlot, targetSlot } from './request-change';
import { changeSlotSchema, parseInput } from './schemas';
import { authorizeAdmin, runTransition, step } from './transition';

export async function adminMoveBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string } & Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const move = parseInput(changeSlotSchema, fields);
  const authorize = authorizeAdmin(actor);
  const ctx = await loadPolicyContext(db, opts.now);
  const { now } = ctx;
  let target: SlotQuery | undefined;
  const run = () =>
    runTransition(db, {
      ...step('admin_move'),
      bookingId,
      now,
      authorize,
      before: async (tx, booking) => {
        target = targetSlot(booking, move);
        await assertTargetSlot(tx, booking, target, 'override', ctx);
        const pending = await loadPendingChange(tx, booking.id, { forUpdate: true });
        if (pending) {
          await endChange(tx, pending.id, 'withdrawn', { byUserId: actor.kind === 'user' ? actor.id : null, note: move.reason, now });
        }
      },
      set: (booking) => ({
        resourceId: target!.resourceId,
        startAt: target!.startAt,
        endAt: target!.endAt,
        ...(booking.confirmDeadline && booking.confirmDeadline > target!.startAt && { confirmDeadline: target!.startAt }),
      }),
      note: move.reason,
      data: (booking) => ({
        moved: {
          from: { resourceId: booking.resourceId, startAt: booking.startAt, endAt: booking.endAt },
          to: { resourceId: target!.resourceId, startAt: target!.startAt, endAt: target!.endAt },
        },
      }),
      notify: [{ kind: 'moved', extra: () => ({ reason: move.reason }) }],
    });
  return withAlternatives(db, ctx, () => target, 'override', run);
}
