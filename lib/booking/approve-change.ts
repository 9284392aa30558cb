/**
 * Admin approves a change request: in one transaction the booking takes the new time and
 * resource, the request ends (its hold goes; the booking's hold moves onto the same slot, so the
 * slot is never free in between), and the applicant gets the new details with an `.ics` whose
 * SEQUENCE (the booking's version) is higher. The booking keeps its status.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, type Booking, type ChangeRequest } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { withAlternatives } from './alternatives';
import type { SlotQuery } from './availability';
import { endChange, loadPendingChange } from './change-requests';
import { loadPolicyContext } from './context';
import { assertSlotRules } from './rules';
import { opinionSchema, parseInput } from './schemas';
import { targetSlot } from './request-change';
import { authorizeAdmin, runTransition, step } from './transition';

export async function approveChange(
  db: Db,
  actor: Actor,
  input: { bookingId: string; opinion: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { opinion } = parseInput(opinionSchema, fields);
  const authorize = authorizeAdmin(actor);
  const ctx = await loadPolicyContext(db, opts.now);
  const { now } = ctx;
  let change: ChangeRequest | undefined;
  let target: SlotQuery | undefined;
  const approve = () =>
    runTransition(db, {
      ...step('approve_change'),
      bookingId,
      now,
      authorize,
      before: async (tx, booking) => {
        change = await loadPendingChange(tx, booking.id, { forUpdate: true });
        if (!change) throw new DomainError('no_pending_change');
        target = targetSlot(booking, {
          resourceId: change.newResourceId,
          startAt: change.newStartAt,
          endAt: change.newEndAt,
        });
        // The slot was checked when asked and has been held since; time may have passed, and
        // the resource may have been taken out of service. A blackout laid over the held slot
        // meanwhile is refused by the database when the booking's hold moves onto it.
        const [resource] = await tx.select().from(resources).where(eq(resources.id, target.resourceId));
        assertSlotRules(resource, target, 'override', ctx);
        await endChange(tx, change.id, 'approved', { byUserId: actor.kind === 'user' ? actor.id : null, note: opinion, now });
      },
      set: (booking) => ({
        resourceId: target!.resourceId,
        startAt: target!.startAt,
        endAt: target!.endAt,
        // A confirmation still owed is owed by the new start at the latest.
        ...(booking.confirmDeadline &&
          booking.confirmDeadline > target!.startAt && { confirmDeadline: target!.startAt }),
      }),
      note: opinion,
      data: (booking) => ({
        changeRequestId: change!.id,
        moved: {
          from: { resourceId: booking.resourceId, startAt: booking.startAt, endAt: booking.endAt },
          to: { resourceId: target!.resourceId, startAt: target!.startAt, endAt: target!.endAt },
        },
      }),
      notify: [{ kind: 'change_approved' }],
    });
  return withAlternatives(db, ctx, () => target, 'override', approve);
}
