/**
 * The change-request rows themselves (product rule 9): the booking's one pending request, and
 * how a request ends. Ending it (any status but `pending`) releases its slot: the database drops
 * its hold (slot_holds, kept by trigger).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { changeRequests, type ChangeRequest } from '@/db/schema';

type Ending = 'approved' | 'refused' | 'withdrawn';

/** The booking's pending change request, locked when `forUpdate` (the decision reads it). */
export async function loadPendingChange(
  tx: Db,
  bookingId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ChangeRequest | undefined> {
  const query = tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.bookingId, bookingId), eq(changeRequests.status, 'pending')));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The booking's latest decided (or withdrawn) change request: what a decision e-mail reports. */
export async function loadLatestChange(tx: Db, bookingId: string): Promise<ChangeRequest | undefined> {
  const [row] = await tx
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.bookingId, bookingId))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  return row;
}

/** Ends a pending change request; the caller holds the booking's row lock. */
export async function endChange(
  tx: Db,
  changeId: string,
  ending: Ending,
  decision: { byUserId: string | null; note: string | null; now: Date },
): Promise<ChangeRequest | undefined> {
  const [row] = await tx
    .update(changeRequests)
    .set({ status: ending, decidedById: decision.byUserId, decisionNote: decision.note, decidedAt: decision.now })
    .where(and(eq(changeRequests.id, changeId), eq(changeRequests.status, 'pending')))
    .returning();
  return row;
}

/** When the booking stops holding (cancelled, expired, …) its pending change goes with it. */
export async function withdrawPendingChange(tx: Db, bookingId: string, now: Date): Promise<void> {
  await withdrawPendingChanges(tx, [bookingId], now);
}

/** The same for many bookings in one statement (the set-based jobs). */
export async function withdrawPendingChanges(tx: Db, bookingIds: readonly string[], now: Date): Promise<void> {
  for (const ids of chunks(bookingIds)) {
    await tx
      .update(changeRequests)
      .set({ status: 'withdrawn', decidedAt: now })
      .where(and(inArray(changeRequests.bookingId, ids), eq(changeRequests.status, 'pending')));
  }
}
