/**
 * Who holds which time: busy intervals (no personal data; the public page uses them too), the
 * signed-in calendar, ranked alternatives, and the full slot check without writing.
 */
import { and, asc, eq, gt, lt, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import { anyUuid } from '@/db/chunks';
import { queryRows } from '@/db/rows';
import { pgErrorCode, SQLSTATE } from '@/db/errors';
import { blackouts, bookings, changeRequests, resources, slotHolds, type BookingStatus } from '@/db/schema';
import { isApplicant, requireUser, type Actor } from '@/lib/authz';
import { DomainError, isDomainError } from '@/lib/errors';
import { OPEN_ENDED } from '@/lib/incidents/open-ended';
import { loadPolicyContext, withHorizon, type HorizonRule, type LoadedContext } from './context';
import { isUuid } from './ids';
import { rankAlternatives, type Alternative, type BusyInterval, type CandidateResource } from './rank-alternatives';
import { assertSlotRules, earliestStart, horizonEnd, type NoticeRule, type SlotResource } from './rules';
import { HOLDING_STATUSES } from './state';

export type { Alternative } from './rank-alternatives';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far each way the same-resource search looks. */
const SEARCH_DAYS = 14;
/** Calendar and busy look-ups are bounded so that one request cannot scan the whole table. */
const MAX_RANGE_DAYS = 92;

export interface BusyEntry {
  startAt: Date;
  endAt: Date;
  kind: 'booking' | 'blackout' | 'buffer';
}

export interface SlotQuery {
  resourceId: string;
  startAt: Date;
  endAt: Date;
  attendees?: number | null;
  /** A booking being moved does not stand in its own way. */
  excludeBookingId?: string;
  requesterKind?: 'staff' | 'customer';
  /** Offer only resources customers may book (the public page and the service desk). */
  customerBookableOnly?: boolean;
}

export interface SlotOptions {
  now?: Date;
  /** Defaults to the requester kind's rule (staff: working days, customer: hours). */
  notice?: NoticeRule;
  /** `series`: an occurrence of a recurring series, held to the series horizon. */
  horizon?: HorizonRule;
}

function assertRange(from: Date, to: Date): void {
  const span = to.getTime() - from.getTime();
  if (!(span > 0) || span > MAX_RANGE_DAYS * DAY) {
    throw new DomainError('invalid_input', undefined, { fields: { to: ['invalid_range'] } });
  }
}

/**
 * `[startCol, endCol)` overlaps `[from, to)`, written as the range overlap the GiST indexes are
 * built on (slot_holds' exclusion constraint, bookings_calendar_idx), so the index bounds both
 * ends of the window. Two comparisons would leave the index's range column unused.
 */
function overlaps(startCol: AnyColumn, endCol: AnyColumn, from: Date, to: Date): SQL {
  return sql`tstzrange(${startCol}, ${endCol}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
}

/**
 * The statuses a calendar shows, as literals: bookings_calendar_idx is partial on exactly this
 * list, and the planner can match a partial index only against constants, not bound parameters.
 */
const CALENDAR_STATUSES = sql.raw(
  [...HOLDING_STATUSES, 'completed'].map((status) => `'${status}'`).join(', '),
);

/** A timestamp as epoch milliseconds, computed by PostgreSQL (cheaper than a Date per row). */
const epochMs = (column: AnyColumn | SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Holds (bookings and pending change requests, slot_holds) and blackouts of several resources
 * over [from, to), in one statement. `excludeBookingId`: a booking being moved does not stand in
 * its own way, nor does its own change request.
 */
export async function loadBusyIntervals(
  db: Db,
  resourceIds: readonly string[],
  from: Date,
  to: Date,
  excludeBookingId?: string,
): Promise<Map<string, BusyInterval[]>> {
  const busy = new Map<string, BusyInterval[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return busy;
  // The ids go as one uuid[] parameter: as a list of parameters (one per id), PostgreSQL's generic
  // plan for the prepared statement (chosen after five runs) filtered the holds index's matches
  // by the list afterwards — 52 resources × ±14 days: 29 ms against 12 ms.
  // Milliseconds straight from PostgreSQL: a week of 200 resources is thousands of intervals, and
  // parsing each timestamp into a Date only to read its number back was most of the time spent.
  const rows = await queryRows<{ resource_id: string; start_ms: number; end_ms: number }>(
    db,
    sql`select ${slotHolds.resourceId} as resource_id, ${epochMs(slotHolds.holdStart)} as start_ms, ${epochMs(slotHolds.holdEnd)} as end_ms
          from ${slotHolds}
         where ${and(
           sql`${slotHolds.resourceId} = ${anyUuid(resourceIds)}`,
           overlaps(slotHolds.holdStart, slotHolds.holdEnd, from, to),
           excludeBookingId ? ne(slotHolds.bookingId, excludeBookingId) : undefined,
         )}
        union all
        select ${blackouts.resourceId}, ${epochMs(blackouts.startAt)}, ${epochMs(blackouts.endAt)}
          from ${blackouts}
         where ${and(sql`${blackouts.resourceId} = ${anyUuid(resourceIds)}`, lt(blackouts.startAt, to), gt(blackouts.endAt, from))}`,
  );
  for (const row of rows) busy.get(row.resource_id)?.push({ start: Number(row.start_ms), end: Number(row.end_ms) });
  return busy;
}

/**
 * Busy time of one resource: held slots (bookings and slots asked for by pending change
 * requests), their buffers and blackouts — no names, no purposes.
 */
export async function getBusy(db: Db, resourceId: string, from: Date, to: Date): Promise<BusyEntry[]> {
  assertRange(from, to);
  if (!isUuid(resourceId)) return [];
  const [held, blocked] = await Promise.all([
    db
      .select({ startAt: slotHolds.startAt, endAt: slotHolds.endAt, holdStart: slotHolds.holdStart, holdEnd: slotHolds.holdEnd })
      .from(slotHolds)
      .where(and(eq(slotHolds.resourceId, resourceId), overlaps(slotHolds.holdStart, slotHolds.holdEnd, from, to))),
    db
      .select({ startAt: blackouts.startAt, endAt: blackouts.endAt })
      .from(blackouts)
      .where(and(eq(blackouts.resourceId, resourceId), lt(blackouts.startAt, to), gt(blackouts.endAt, from))),
  ]);
  const entries: BusyEntry[] = blocked.map((b) => ({ ...b, kind: 'blackout' }));
  for (const b of held) {
    entries.push({ startAt: b.startAt, endAt: b.endAt, kind: 'booking' });
    if (b.holdStart < b.startAt) entries.push({ startAt: b.holdStart, endAt: b.startAt, kind: 'buffer' });
    if (b.holdEnd > b.endAt) entries.push({ startAt: b.endAt, endAt: b.holdEnd, kind: 'buffer' });
  }
  return entries.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
}

/** The maintenance periods of one resource overlapping [from, to) (no reasons: the public page reads them). */
export async function maintenancePeriods(db: Db, resourceId: string, from: Date, to: Date): Promise<{ startAt: Date; endAt: Date }[]> {
  if (!isUuid(resourceId)) return [];
  return db
    .select({ startAt: blackouts.startAt, endAt: blackouts.endAt })
    .from(blackouts)
    .where(
      and(
        eq(blackouts.resourceId, resourceId),
        eq(blackouts.kind, 'maintenance'),
        lt(blackouts.startAt, to),
        gt(blackouts.endAt, from),
      ),
    )
    .orderBy(asc(blackouts.startAt));
}

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

function noticeFor(query: SlotQuery, opts: SlotOptions): NoticeRule {
  return opts.notice ?? query.requesterKind ?? 'staff';
}

/** The alternatives search with a context already loaded (create and approve reuse it). */
export async function computeAlternatives(
  db: Db,
  ctx: LoadedContext,
  query: SlotQuery,
  notice: NoticeRule,
): Promise<Alternative[]> {
  if (!isUuid(query.resourceId)) return [];
  return rankAround(ctx, query, notice, await loadCandidates(db, query));
}

/** Ranks the candidates in memory (lib/booking/rank-alternatives.ts). */
function rankAround(ctx: LoadedContext, query: SlotQuery, notice: NoticeRule, candidates: CandidateResource[] | null): Alternative[] {
  if (!candidates) return [];
  return rankAlternatives({
    resource: candidates.find((r) => r.id === query.resourceId) ?? null,
    others: candidates.filter((r) => r.id !== query.resourceId),
    startAt: query.startAt,
    endAt: query.endAt,
    attendees: query.attendees,
    notBefore: earliestStart(notice, ctx),
    notAfter: horizonEnd(ctx),
    timeZone: ctx.settings.timeZone,
    calendar: ctx.calendar,
    searchDays: SEARCH_DAYS,
  });
}

interface CandidateRow {
  id: string | null;
  code: string;
  capacity: number;
  max_duration_minutes: number;
  opens_at: string;
  closes_at: string;
  working_days_only: boolean;
  setup_buffer_minutes: number;
  cleanup_buffer_minutes: number;
  /** [start, end) pairs in epoch ms: holds (bookings, pending change requests) and blackouts. */
  busy: [number, number][];
}

/**
 * The resources an alternative may be on — the wanted one and the others of its type, in
 * service (and open to customers when asked) — each with the busy times the ranking looks at:
 * the wanted resource's over ±14 days around the slot (it is searched for another time), every
 * other's over the wanted time only (it is offered at that time or not at all), each widened by
 * that resource's own buffers, as the ranking widens a candidate's hold. One statement, as a
 * refused request computes these while its rivals wait; reading a fortnight of every sibling
 * too was most of its rows and of the memory the search allocated. Each resource's holds are
 * read through the holds index by resource and time together. Null when the wanted resource
 * does not exist.
 */
async function loadCandidates(db: Db, query: SlotQuery): Promise<CandidateResource[] | null> {
  const rows = await queryRows<CandidateRow>(
    db,
    sql`with wanted as (
          select ${resources.id} as id, ${resources.typeId} as type_id,
                 ${query.startAt.toISOString()}::timestamptz as start_at, ${query.endAt.toISOString()}::timestamptz as end_at
            from ${resources} where ${resources.id} = ${query.resourceId})
        select r.id, r.code, r.capacity, r.max_duration_minutes, r.opens_at::text as opens_at, r.closes_at::text as closes_at,
               r.working_days_only, r.setup_buffer_minutes, r.cleanup_buffer_minutes,
               coalesce((select json_agg(json_build_array(b.start_ms, b.end_ms)) from (
                 select ${epochMs(sql`h.hold_start`)} as start_ms, ${epochMs(sql`h.hold_end`)} as end_ms from ${slotHolds} h
                  where h.resource_id = r.id and tstzrange(h.hold_start, h.hold_end, '[)') && tstzrange(span.from_at, span.to_at, '[)')
                    ${query.excludeBookingId ? sql`and h.booking_id <> ${query.excludeBookingId}` : sql``}
                 union all
                 select ${epochMs(sql`x.start_at`)}, ${epochMs(sql`x.end_at`)} from ${blackouts} x
                  where x.resource_id = r.id and x.start_at < span.to_at and x.end_at > span.from_at) b), '[]'::json) as busy
          from wanted w
          left join ${resources} r on r.type_id = w.type_id and r.state = 'in_service'
               ${query.customerBookableOnly ? sql`and r.customer_bookable` : sql``}
          left join lateral (
            select w.start_at - make_interval(days => reach.days, mins => r.setup_buffer_minutes) as from_at,
                   w.end_at + make_interval(days => reach.days, mins => r.cleanup_buffer_minutes) as to_at
              from (select case when r.id = w.id then ${SEARCH_DAYS} else 0 end as days) reach
          ) span on true`,
  );
  if (rows.length === 0) return null;
  return rows.flatMap((r) =>
    r.id === null
      ? []
      : [
          {
            id: r.id,
            code: r.code,
            capacity: r.capacity,
            maxDurationMinutes: r.max_duration_minutes,
            opensAt: r.opens_at,
            closesAt: r.closes_at,
            workingDaysOnly: r.working_days_only,
            setupBufferMinutes: r.setup_buffer_minutes,
            cleanupBufferMinutes: r.cleanup_buffer_minutes,
            busy: r.busy.map(([start, end]) => ({ start, end })),
          },
        ],
  );
}

/** Nearest free slots of the same length, then other resources free at the wanted time; max 6. */
export async function findAlternatives(db: Db, query: SlotQuery, opts: SlotOptions = {}): Promise<Alternative[]> {
  if (!isUuid(query.resourceId)) return [];
  const [ctx, candidates] = await Promise.all([loadPolicyContext(db, opts.now), loadCandidates(db, query)]);
  return rankAround(ctx, query, noticeFor(query, opts), candidates);
}

/** Errors about *when* — the applicant can pick a nearby slot instead. */
const TIME_ERRORS = new Set(['slot_taken', 'lead_time', 'outside_hours']);

/**
 * Runs `fn`; when it fails because the time cannot be had (a blackout, an exclusion violation
 * 23P01, a rule about when), the error is thrown again with alternatives. They are searched
 * after `fn`'s transaction has rolled back, so the search sees fresh data. `query` may be a
 * function when the wanted slot is only known inside `fn` (approving keeps the request's), and
 * so may `notice` (a change request follows its booking's requester kind).
 */
export async function withAlternatives<T>(
  db: Db,
  ctx: LoadedContext,
  query: SlotQuery | (() => SlotQuery | undefined),
  notice: NoticeRule | (() => NoticeRule),
  fn: () => Promise<T>,
): Promise<T> {
  try {
    // Simultaneous inserts checked by the exclusion constraint can deadlock; rerun the victim.
    return await retryOnDeadlock(fn);
  } catch (error) {
    const taken = pgErrorCode(error) === SQLSTATE.exclusionViolation;
    const slot = typeof query === 'function' ? query() : query;
    if (!slot || (!taken && !(isDomainError(error) && TIME_ERRORS.has(error.code)))) throw error;
    const alternatives = await computeAlternatives(db, ctx, slot, typeof notice === 'function' ? notice() : notice);
    if (taken) throw new DomainError('slot_taken', undefined, { alternatives });
    const domainError = error as DomainError;
    throw new DomainError(domainError.code, domainError.message, { ...domainError.details, alternatives });
  }
}

/**
 * Serialises, per resource, the transactions that take a hold, until they commit. The exclusion
 * constraint alone decides who wins, but simultaneous overlapping inserts each wait for the
 * other's uncommitted row and PostgreSQL breaks the cycle with a deadlock (40P01) — many of
 * them under a burst of requests for one slot. Queued on this lock, the later insert simply
 * sees the earlier one's commit (23P01). It also keeps the blackout check and the insert atomic.
 */
export async function lockResourceSchedule(tx: Db, resourceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking-hold:${resourceId}`}))`);
}

/**
 * Is [start, end), widened by the resource's buffers, free of holds (bookings and pending change
 * requests) and blackouts? `excludeBookingId`: ignore that booking's own holds.
 */
export async function isSlotFree(
  db: Db,
  resource: Pick<SlotResource, 'id' | 'setupBufferMinutes' | 'cleanupBufferMinutes'>,
  startAt: Date,
  endAt: Date,
  options: { excludeBookingId?: string; blackoutsOnly?: boolean } = {},
): Promise<boolean> {
  const holdStart = new Date(startAt.getTime() - resource.setupBufferMinutes * MINUTE);
  const holdEnd = new Date(endAt.getTime() + resource.cleanupBufferMinutes * MINUTE);
  const [blocked] = await db
    .select({ id: blackouts.id })
    .from(blackouts)
    .where(and(eq(blackouts.resourceId, resource.id), lt(blackouts.startAt, holdEnd), gt(blackouts.endAt, holdStart)))
    .limit(1);
  if (blocked) return false;
  if (options.blackoutsOnly) return true;
  const [held] = await db
    .select({ id: slotHolds.sourceId })
    .from(slotHolds)
    .where(
      and(
        eq(slotHolds.resourceId, resource.id),
        overlaps(slotHolds.holdStart, slotHolds.holdEnd, holdStart, holdEnd),
        options.excludeBookingId ? ne(slotHolds.bookingId, options.excludeBookingId) : undefined,
      ),
    )
    .limit(1);
  return !held;
}

/**
 * Every check of a new request, without writing: for live form feedback and for admin's
 * "approve for another time or resource". Throws the errors create would (slot_taken and the
 * time rules with alternatives).
 */
export async function checkSlot(db: Db, query: SlotQuery, opts: SlotOptions = {}): Promise<void> {
  const ctx = withHorizon(await loadPolicyContext(db, opts.now), opts.horizon);
  const notice = noticeFor(query, opts);
  await withAlternatives(db, ctx, query, notice, async () => {
    const [resource] = isUuid(query.resourceId)
      ? await db.select().from(resources).where(eq(resources.id, query.resourceId))
      : [];
    assertSlotRules(resource, query, notice, ctx);
    if (!(await isSlotFree(db, resource, query.startAt, query.endAt, { excludeBookingId: query.excludeBookingId }))) {
      throw new DomainError('slot_taken');
    }
  });
}
