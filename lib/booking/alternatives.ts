/**
 * Ranked alternatives for a slot that cannot be had: the candidates and their busy times read
 * in one statement, ranked in memory (rank-alternatives.ts), and the wrapper that attaches them
 * to a refused request's error.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import { queryRows } from '@/db/rows';
import { pgErrorCode, SQLSTATE } from '@/db/errors';
import { blackouts, resources, slotHolds } from '@/db/schema';
import { DomainError, isDomainError } from '@/lib/errors';
import type { SlotOptions, SlotQuery } from './availability';
import { loadPolicyContext, type LoadedContext } from './context';
import { isUuid } from './ids';
import { rankAlternatives, type Alternative, type CandidateResource } from './rank-alternatives';
import { earliestStart, horizonEnd, type NoticeRule } from './rules';
import { epochMs } from './time-range';

export type { Alternative } from './rank-alternatives';

/** How far each way the same-resource search looks. */
const SEARCH_DAYS = 14;

export function noticeFor(query: SlotQuery, opts: SlotOptions): NoticeRule {
  return opts.notice ?? query.requesterKind ?? 'staff';
}

/** The alternatives search with a context already loaded (withAlternatives: create and approve have one). */
async function computeAlternatives(
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
