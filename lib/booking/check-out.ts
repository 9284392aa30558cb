/**
 * Check-out (in_use → completed) with the resource's return checklist: each item ticked or
 * explained, the condition it was left in, notes. Leaving early ends the hold at once, so the
 * rest of the slot can be booked; the applicant gets a summary.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, type Booking, type ChecklistItem } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { parseInput } from './schemas';
import { runTransition, step } from './transition';
import { authorizeVisit } from './visit-authorize';
import { checkOutSchema, type CheckOutValues } from './visit-schemas';

export async function checkOut(
  db: Db,
  actor: Actor,
  input: { bookingId: string } & Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...rest } = input;
  const authorize = authorizeVisit(actor);
  const values = parseInput(checkOutSchema, rest);
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('check_out'),
    // `confirmed` is let through to say precisely what is missing: a check-in.
    from: ['in_use', 'confirmed'],
    bookingId,
    now,
    authorize,
    before: async (tx, booking) => {
      if (booking.status === 'confirmed') throw new DomainError('not_checked_in');
      const [resource] = await tx.select({ checklist: resources.checklist }).from(resources).where(eq(resources.id, booking.resourceId));
      assertChecklistMatches(resource.checklist, values);
    },
    set: () => ({
      checkedOutAt: now,
      checkedOutById: actor.kind === 'user' ? actor.id : null,
      checkoutChecklist: values.checklist.map(({ key, done, note }) => (note ? { key, done, note } : { key, done })),
      checkoutCondition: values.condition,
      checkoutNotes: values.notes ?? null,
    }),
    note: values.notes ?? null,
    data: (booking) => ({
      condition: values.condition,
      ...(booking.endAt > now && { early: true }),
      ...(actor.kind === 'customer' && { via: 'link' }),
    }),
    notify: [{ kind: 'checked_out' }],
  });
}

/** The answers name each item of the resource's checklist exactly once, and nothing else. */
function assertChecklistMatches(items: ChecklistItem[], values: CheckOutValues): void {
  const expected = items.map((i) => i.key).sort();
  const given = values.checklist.map((a) => a.key).sort();
  if (expected.length !== given.length || expected.some((key, i) => key !== given[i])) {
    throw new DomainError('invalid_input', undefined, { fields: { checklist: ['checklist_mismatch'] } });
  }
}
