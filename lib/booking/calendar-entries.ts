/**
 * The signed-in calendar: bookings, pending change requests' holds and blackouts of some
 * resources, with what the viewer may see of each (lib/authz.ts).
 */
import { and, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { anyUuid } from '@/db/chunks';
import { queryRows } from '@/db/rows';
import { blackouts, bookings, changeRequests, type BookingStatus } from '@/db/schema';
import { isApplicant, requireUser, type Actor } from '@/lib/authz';
import { OPEN_ENDED } from '@/lib/incidents/open-ended';
import { isUuid } from './ids';
import { HOLDING_STATUSES } from './state';
import { assertRange, epochMs, overlaps } from './time-range';

/**
 * The statuses a calendar shows, as literals: bookings_calendar_idx is partial on exactly this
 * list, and the planner can match a partial index only against constants, not bound parameters.
 */
const CALENDAR_STATUSES = sql.raw(
  [...HOLDING_STATUSES, 'completed'].map((status) => `'${status}'`).join(', '),
);

/** A calendar entry with its times in some form: instants, or wall clocks in the organisation's zone. */
export interface CalendarEntryAt<T> {
  id: string;
  resourceId: string;
  startAt: T;
  endAt: T;
  /** null for blackouts. */
  status: BookingStatus | null;
  /** The purpose; null when the viewer may not see it (a customer's booking shown to staff). */
  title: string | null;
  requesterKind: 'staff' | 'customer' | null;
  mine: boolean;
  /**
   * `change_hold`: the time a pending change request holds while admin decides (policy III.4 ①)
   * — taken like a booking, yet not the booking's time (yet).
   */
  kind: 'booking' | 'blackout' | 'change_hold';
  /** For blackouts: a maintenance period (a damage report, planned upkeep) or another closure. */
  blackoutKind: 'maintenance' | 'blackout' | null;
  /** For a change hold: the booking that asked to move there; else null. */
  changeOf: string | null;
  /** A blackout that lasts until further notice (lib/incidents/open-ended.ts). */
  openEnded: boolean;
}

export type CalendarEntry = CalendarEntryAt<Date>;

interface CalendarRow<T> {
  id: string;
  resource_id: string;
  start_at: T;
  end_at: T;
  kind: CalendarEntry['kind'];
  status: BookingStatus | null;
  purpose: string;
  requester_kind: 'staff' | 'customer' | null;
  requester_user_id: string | null;
  /** A change hold's booking; null on the other rows. */
  booking_id: string | null;
  blackout_kind: 'maintenance' | 'blackout' | null;
  open_ended: boolean;
}

/**
 * Bookings, pending change requests' holds and blackouts of some resources for a signed-in
 * user, in one statement and in the order they start, each time rendered by `time` in SQL.
 * Staff see every resource's bookings (transparency) but not what a customer's visit is about;
 * admin and customer service see every purpose. Plain rows, not ORM-mapped ones: a week of 200
 * resources is thousands of entries, and mapping rows and parsing each timestamp into a Date
 * was most of the time a calendar took.
 */
async function loadCalendar<T>(
  db: Db,
  actor: Actor,
  resourceIds: readonly string[],
  from: Date,
  to: Date,
  time: (column: SQL) => SQL,
): Promise<CalendarEntryAt<T>[]> {
  const user = requireUser(actor);
  assertRange(from, to);
  const ids = resourceIds.filter(isUuid);
  if (ids.length === 0) return [];
  const seesCustomers = user.role === 'admin' || user.role === 'customer_service';
  const rows = await queryRows<CalendarRow<T>>(
    db,
    sql`select c.id, c.resource_id, ${time(sql`c.start_at`)} as start_at, ${time(sql`c.end_at`)} as end_at, c.kind, c.status,
               c.purpose, c.requester_kind, c.requester_user_id, c.booking_id, c.blackout_kind,
               c.end_at >= ${OPEN_ENDED.toISOString()}::timestamptz as open_ended
          from (
            select ${bookings.id} as id, ${bookings.resourceId} as resource_id, ${bookings.startAt} as start_at, ${bookings.endAt} as end_at,
                   'booking' as kind, ${bookings.status}::text as status, ${bookings.purpose} as purpose,
                   ${bookings.requesterKind}::text as requester_kind, ${bookings.requesterUserId} as requester_user_id,
                   null::uuid as booking_id, null::text as blackout_kind
              from ${bookings}
             where ${and(
               sql`${bookings.resourceId} = ${anyUuid(ids)}`,
               // (holds a slot and holding) or completed, split so the partial index applies.
               sql`${bookings.status} IN (${CALENDAR_STATUSES})`,
               or(eq(bookings.holdsSlot, true), eq(bookings.status, 'completed')),
               overlaps(bookings.startAt, bookings.endAt, from, to),
             )}
            union all
            select ${blackouts.id}, ${blackouts.resourceId}, ${blackouts.startAt}, ${blackouts.endAt},
                   'blackout', null, ${blackouts.reason}, null, null, null, ${blackouts.kind}::text
              from ${blackouts}
             where ${and(sql`${blackouts.resourceId} = ${anyUuid(ids)}`, lt(blackouts.startAt, to), gt(blackouts.endAt, from))}
            union all
            select ${changeRequests.id}, ${changeRequests.newResourceId}, ${changeRequests.newStartAt}, ${changeRequests.newEndAt},
                   'change_hold', null, ${bookings.purpose}, ${bookings.requesterKind}::text, ${bookings.requesterUserId},
                   ${changeRequests.bookingId}, null
              from ${changeRequests}
              join ${bookings} on ${eq(bookings.id, changeRequests.bookingId)}
             where ${and(
               eq(changeRequests.status, 'pending'),
               sql`${changeRequests.newResourceId} = ${anyUuid(ids)}`,
               lt(changeRequests.newStartAt, to),
               gt(changeRequests.newEndAt, from),
             )}
          ) c
         order by c.start_at`,
  );
  return rows.map((r) => {
    // A change hold's booking is the one that asked to move; a booking row is its own.
    const booking = r.kind === 'blackout' ? null : { id: r.booking_id ?? r.id, requesterKind: r.requester_kind!, requesterUserId: r.requester_user_id };
    return {
      id: r.id,
      resourceId: r.resource_id,
      startAt: r.start_at,
      endAt: r.end_at,
      status: r.status,
      title: !booking || booking.requesterKind === 'staff' || seesCustomers ? r.purpose : null,
      requesterKind: r.requester_kind,
      mine: booking ? isApplicant(user, booking) : false,
      kind: r.kind,
      blackoutKind: r.blackout_kind,
      changeOf: r.kind === 'change_hold' ? r.booking_id : null,
      openEnded: r.open_ended,
    };
  });
}

/** The calendar of some resources with its times as instants (see loadCalendar). */
export async function getResourceCalendar(
  db: Db,
  actor: Actor,
  resourceIds: readonly string[],
  from: Date,
  to: Date,
): Promise<CalendarEntry[]> {
  const entries = await loadCalendar<number>(db, actor, resourceIds, from, to, epochMs);
  return entries.map((e) => ({ ...e, startAt: new Date(Number(e.startAt)), endAt: new Date(Number(e.endAt)) }));
}

/**
 * The calendar of some resources with its times as wall clocks in `timeZone`
 * ('YYYY-MM-DDTHH:mm', lib/staff-booking/wall-clock.ts), written by PostgreSQL: what the
 * calendar grids show, without an instant in between.
 */
export async function getWallClockCalendar(
  db: Db,
  actor: Actor,
  resourceIds: readonly string[],
  from: Date,
  to: Date,
  timeZone: string,
): Promise<CalendarEntryAt<string>[]> {
  return loadCalendar<string>(db, actor, resourceIds, from, to, (column) => sql`to_char(${column} at time zone ${timeZone}, 'YYYY-MM-DD"T"HH24:MI')`);
}
