/**
 * The transition engine for scheduled jobs: one status change applied to every due booking at
 * once. One UPDATE claims all due rows (`FOR UPDATE SKIP LOCKED`, so a second instance running
 * the same job at the same moment skips the rows the first holds and, once they are committed,
 * no longer finds them due), one INSERT writes their audit events, and the applicants' e-mails
 * are queued in the same transaction, a few multi-row INSERTs under the outbox's dedupe keys. Running it again finds
 * nothing left: the job is idempotent.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingEvents, bookings, type BookingStatus, type NewBooking } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { notifyEach, type BulkNotificationKind } from '@/lib/mail/notify-bulk';
import { TRANSITIONS, type StatusSettingAction } from './state';

const EVENT_CHUNK = 1000;

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
    const claimed = tx
      .select({ id: bookings.id, fromStatus: sql<BookingStatus>`${bookings.status}`.as('from_status') })
      .from(bookings)
      .where(and(inArray(bookings.status, [...from]), spec.due))
      .for('update', { skipLocked: true })
      .as('claimed');
    const rows = await tx
      .update(bookings)
      .set({ ...(spec.set as Partial<NewBooking>), status: to, version: sql`${bookings.version} + 1`, updatedAt: spec.now })
      .from(claimed)
      .where(eq(bookings.id, claimed.id))
      .returning({ id: bookings.id, fromStatus: claimed.fromStatus });
    if (rows.length === 0) return rows;
    // In slices: one statement may carry at most 65,535 parameters.
    for (let i = 0; i < rows.length; i += EVENT_CHUNK) {
      await tx.insert(bookingEvents).values(
        rows.slice(i, i + EVENT_CHUNK).map((row) => ({
          bookingId: row.id,
          fromStatus: row.fromStatus,
          toStatus: to,
          action: spec.action,
          actorKind: SYSTEM.kind,
          data: spec.data ?? null,
        })),
      );
    }
    const ids = rows.map((row) => row.id);
    for (const kind of spec.notify ?? []) await notifyEach(tx, kind, ids);
    return rows;
  });
}
