/**
 * The transition engine for scheduled jobs: one status change applied to every due booking at
 * once. One UPDATE claims all due rows (`FOR UPDATE SKIP LOCKED`, so a second instance running
 * the same job at the same moment skips the rows the first holds and, once they are committed,
 * no longer finds them due), one INSERT writes their audit events, and the applicants' e-mails
 * are queued in the same transaction, a few multi-row INSERTs under the outbox's dedupe keys. A
 * status that no longer holds withdraws the bookings' pending change requests, as
 * `runTransition` does for one. Running it again finds nothing left: the job is idempotent.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type BookingStatus, type NewBooking } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { notifyEach, type BulkNotificationKind } from '@/lib/mail/notify-bulk';
import { withdrawPendingChanges } from './change-requests';
import { recordEvents } from './events';
import { isHolding, TRANSITIONS, type StatusSettingAction } from './state';

export interface BulkTransitionSpec {
  action: StatusSettingAction;
  /** Which bookings are due, besides having a status the action starts from. */
  due: SQL;
  now: Date;
  /** Further columns; an SQL value may read the row's values before the change. */
  set?: Partial<Record<keyof NewBooking, unknown>>;
  data?: Record<string, unknown>;
  /** The applicants' e-mails, queued for all the changed bookings at once. */
  notify?: BulkNotificationKind[];
}

export interface BulkTransitionRow {
  id: string;
  fromStatus: BookingStatus;
}

export function runBulkTransition(db: Db, spec: BulkTransitionSpec): Promise<BulkTransitionRow[]> {
  const { from, to } = TRANSITIONS[spec.action];
  return db.transaction(async (tx) => {
    const rows = await claimAndUpdate(tx, and(inArray(bookings.status, [...from]), spec.due)!, {
      ...(spec.set as Partial<NewBooking>),
      status: to,
      version: sql`${bookings.version} + 1`,
      updatedAt: spec.now,
    });
    if (rows.length === 0) return rows;
    const ids = rows.map((row) => row.id);
    // A change request lives only as long as its booking holds: its slot is released with it.
    if (!isHolding(to)) await withdrawPendingChanges(tx, ids, spec.now);
    await recordEvents(
      tx,
      rows.map((row) => ({ bookingId: row.id, fromStatus: row.fromStatus, toStatus: to, action: spec.action, actor: SYSTEM, data: spec.data })),
    );
    for (const kind of spec.notify ?? []) await notifyEach(tx, kind, ids);
    return rows;
  });
}

/**
 * One UPDATE of every booking matching `where` that no other transaction holds (`FOR UPDATE
 * SKIP LOCKED`); a row another runner changed meanwhile is checked against `where` again by
 * PostgreSQL before it is claimed. Returns the claimed rows with their status before the change.
 */
export async function claimAndUpdate(tx: Db, where: SQL, set: Partial<Record<keyof NewBooking, unknown>>): Promise<BulkTransitionRow[]> {
  const claimed = tx
    .select({ id: bookings.id, fromStatus: sql<BookingStatus>`${bookings.status}`.as('from_status') })
    .from(bookings)
    .where(where)
    .for('update', { skipLocked: true })
    .as('claimed');
  return tx
    .update(bookings)
    .set(set as Partial<NewBooking>)
    .from(claimed)
    .where(eq(bookings.id, claimed.id))
    .returning({ id: bookings.id, fromStatus: claimed.fromStatus });
}
