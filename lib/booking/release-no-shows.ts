/**
 * The no-show release (product rule 10): a confirmed booking on a resource that asks for
 * check-in, no longer than 8 hours, that nobody checked in by start + `no_show_grace_minutes`
 * becomes `no_show`. Its hold ends at the release, so the rest of the slot is free again, and
 * the applicant is told. Set-based, idempotent and safe on several instances (bulk-transition.ts).
 */
import { and, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources } from '@/db/schema';
import { getSettings } from '@/lib/settings';
import { runBulkTransition } from './bulk-transition';
import { NO_SHOW_MAX_MINUTES } from './visit-window';

const MINUTE = 60_000;

export async function releaseNoShows(db: Db, now: Date = new Date()): Promise<{ released: number }> {
  const { noShowGraceMinutes } = await getSettings(db);
  // Mirrors noShowApplies() and checkInTiming(): at the deadline itself one may still check in.
  const deadlinePassed = new Date(now.getTime() - noShowGraceMinutes * MINUTE);
  const rows = await runBulkTransition(db, {
    action: 'mark_no_show',
    now,
    due: and(
      lt(bookings.startAt, deadlinePassed),
      sql`${bookings.endAt} - ${bookings.startAt} <= make_interval(mins => ${NO_SHOW_MAX_MINUTES})`,
      inArray(bookings.resourceId, db.select({ id: resources.id }).from(resources).where(sql`${resources.requiresCheckIn}`)),
    )!,
    set: { statusReason: 'no_show', holdEnd: sql`least(${bookings.holdEnd}, ${now.toISOString()}::timestamptz)` },
    data: { graceMinutes: noShowGraceMinutes },
    notify: ['no_show'],
  });
  return { released: rows.length };
}
