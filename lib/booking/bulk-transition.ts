/**
 * The transition engine for scheduled jobs: one status change applied to every due booking at
 * once. One statement claims all due rows (`FOR UPDATE SKIP LOCKED`, so a second instance
 * running the same job at the same moment skips the rows the first holds and, once they are
 * committed, no longer finds them due), writes their audit events and, when the new status no
 * longer holds, withdraws their pending change requests as `runTransition` does for one. The
 * applicants' e-mails are queued in the same transaction under the outbox's dedupe keys
 * (lib/mail/notify-bulk.ts). Running it again finds nothing left: the job is idempotent.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/rows';
import { bookingEvents, bookings, changeRequests, type BookingStatus, type NewBooking } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { notifyEach, type BulkNotificationKind } from '@/lib/mail/notify-bulk';
import { eventRow } from './events';
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
    const rows = await claimWithEvents(tx, {
      where: and(inArray(bookings.status, [...from]), spec.due)!,
      set: { ...spec.set, status: to, version: sql`${bookings.version} + 1`, updatedAt: spec.now },
      event: { action: spec.action, toStatus: to, data: spec.data },
      // A change request lives only as long as its booking holds: its slot is released with it.
      withdrawChangesAt: isHolding(to) ? undefined : spec.now,
    });
    for (const kind of spec.notify ?? []) await notifyEach(tx, kind, rows.map((row) => row.id));
    return rows;
  });
}

export interface ClaimSpec {
  where: SQL;
  set: Partial<Record<keyof NewBooking, unknown>>;
  /** The system's audit event for each claimed booking; no `toStatus`: the status it stays in. */
  event: { action: string; toStatus?: BookingStatus; data?: Record<string, unknown> };
  /** Withdraw the claimed bookings' pending change requests, decided at this moment. */
  withdrawChangesAt?: Date;
}

/**
 * One statement: an UPDATE of every booking matching `where` that no other transaction holds
 * (`FOR UPDATE SKIP LOCKED`; a row another runner changed meanwhile is checked against `where`
 * again by PostgreSQL before it is claimed), an INSERT … SELECT of their audit events and, if
 * asked, the withdrawal of their pending change requests. Returns the claimed rows with their
 * status before the change.
 */
export async function claimWithEvents(tx: Db, spec: ClaimSpec): Promise<BulkTransitionRow[]> {
  const locked = tx
    .select({ id: bookings.id, fromStatus: sql<BookingStatus>`${bookings.status}`.as('from_status') })
    .from(bookings)
    .where(spec.where)
    .for('update', { skipLocked: true })
    .as('locked');
  const claim = tx
    .update(bookings)
    .set(spec.set as Partial<NewBooking>)
    .from(locked)
    .where(eq(bookings.id, locked.id))
    .returning({ id: bookings.id, fromStatus: locked.fromStatus });
  // The same row `recordEvent` writes, for every claimed booking.
  const event = eventRow({ bookingId: '', fromStatus: null, toStatus: null, action: spec.event.action, actor: SYSTEM, data: spec.event.data });
  const toStatus = spec.event.toStatus ? sql`${spec.event.toStatus}::booking_status` : sql`claimed.from_status`;
  const withdraw = spec.withdrawChangesAt
    ? sql`, withdrawn as (
        update ${changeRequests} set status = 'withdrawn', decided_at = ${spec.withdrawChangesAt.toISOString()}::timestamptz
         where ${changeRequests.bookingId} in (select id from claimed) and ${changeRequests.status} = 'pending')`
    : sql``;
  const rows = await queryRows<{ id: string; from_status: BookingStatus }>(
    tx,
    sql`with claimed as (${claim.getSQL()}), events as (
          insert into ${bookingEvents} (booking_id, from_status, to_status, action, actor_kind, actor_user_id, note, data)
          select claimed.id, claimed.from_status, ${toStatus}, ${event.action}, ${event.actorKind}::event_actor_kind,
                 ${event.actorUserId}::uuid, ${event.note}, ${event.data === null ? null : JSON.stringify(event.data)}::jsonb
            from claimed)${withdraw}
        select id, from_status from claimed`,
  );
  return rows.map((row) => ({ id: row.id, fromStatus: row.from_status }));
}
