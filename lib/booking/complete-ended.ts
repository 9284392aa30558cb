/**
 * Bookings whose time is over become `completed`: in use past the end without a check-out
 * (marked `not_checked_out`, for admin's inspection list), and confirmed ones past the end where
 * no check-in is expected — on a resource without check-in, or longer than the no-show release
 * applies to. Set-based, idempotent and safe on several instances (bulk-transition.ts).
 */
import { and, eq, lte, not, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources } from '@/db/schema';
import { runBulkTransition } from './bulk-transition';
import { NO_SHOW_MAX_MINUTES } from './visit-window';

export async function completeEnded(db: Db, now: Date = new Date()): Promise<{ completed: number; notCheckedOut: number }> {
  const noShowApplies = and(
    sql`${bookings.endAt} - ${bookings.startAt} <= make_interval(mins => ${NO_SHOW_MAX_MINUTES})`,
    sql`(SELECT ${resources.requiresCheckIn} FROM ${resources} WHERE ${resources.id} = ${bookings.resourceId})`,
  )!;
  const rows = await runBulkTransition(db, {
    action: 'complete',
    now,
    due: and(lte(bookings.endAt, now), or(eq(bookings.status, 'in_use'), not(noShowApplies)))!,
    // The row's status before the change: in use means nobody checked out.
    set: { notCheckedOut: sql`${bookings.status} = 'in_use'` },
  });
  return { completed: rows.length, notCheckedOut: rows.filter((r) => r.fromStatus === 'in_use').length };
}
