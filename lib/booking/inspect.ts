/**
 * Admin's inspection after use (policy III.4 ③): the result (`ok` / `issue`) and notes, once per
 * completed booking — the ledger's usage history. The status stays `completed`.
 */
import { isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { parseInput } from './schemas';
import { authorizeAdmin, runTransition, step } from './transition';
import { inspectSchema } from './visit-schemas';

export async function inspectBooking(
  db: Db,
  actor: Actor,
  input: { bookingId: string } & Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...rest } = input;
  const authorize = authorizeAdmin(actor);
  const { result, notes } = parseInput(inspectSchema, rest);
  const now = opts.now ?? new Date();
  return runTransition(db, {
    ...step('inspect'),
    bookingId,
    now,
    authorize,
    guard: isNull(bookings.inspectedAt),
    guardError: new DomainError('already_inspected'),
    set: () => ({
      inspectionResult: result,
      inspectionNote: notes ?? null,
      inspectedAt: now,
      inspectedById: actor.kind === 'user' ? actor.id : null,
    }),
    note: notes ?? null,
    data: () => ({ result }),
  });
}
