/**
 * Policy values and the holiday calendar, read once per operation (they are admin settings),
 * together in one statement — with the resource and department a request names, when it does. Only the holidays an operation can look at are read: from a little
 * before today (or the slot asked for) to a little past the booking horizon — or the series
 * horizon when that is longer — (or the slot), which covers the lead time, the slot's own day, a
 * series' dates and the alternatives searched around them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { preparedOnce } from '@/db/prepared-once';
import { departments, policySettings, resources, type PolicySettings, type Resource } from '@/db/schema';
import type { DayKind } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import { isUuid } from './ids';
import type { PolicyContext } from './rules';

export type LoadedContext = PolicyContext & { settings: PolicySettings };

/** The alternatives look 14 days each way; a day more for the zone's offset from UTC. */
const MARGIN_DAYS = 16;

export interface SlotSpan {
  startAt: Date;
  endAt: Date;
}

export async function loadPolicyContext(db: Db, now: Date = new Date(), slot?: SlotSpan): Promise<LoadedContext> {
  return (await loadRequestContext(db, now, slot, {})).ctx;
}

/** What a request refers to, read with its policy context. */
export interface RequestRefs {
  resourceId?: string;
  departmentId?: string | null;
}

/**
 * The policy context, and in the same statement the resource a request names (undefined when
 * there is none) and whether the department it names exists: a request's reads in one round trip.
 */
export async function loadRequestContext(
  db: Db,
  now: Date,
  slot: SlotSpan | undefined,
  refs: RequestRefs,
): Promise<{ ctx: LoadedContext; resource: Resource | undefined; departmentKnown: boolean }> {
  const first = new Date(Math.min(now.getTime(), slot?.startAt.getTime() ?? Infinity)).toISOString();
  const last = new Date(Math.max(now.getTime(), slot?.endAt.getTime() ?? -Infinity)).toISOString();
  const [row] = await preparedOnce(db, 'loadRequestContext', () => contextStatement(db)).execute({
    first,
    last,
    now: now.toISOString(),
    resourceId: refs.resourceId && isUuid(refs.resourceId) ? refs.resourceId : null,
    departmentId: refs.departmentId && isUuid(refs.departmentId) ? refs.departmentId : null,
  });
  // A database migrated but never seeded: the defaults are written once, then read as usual.
  if (!row) return getSettings(db).then(() => loadRequestContext(db, now, slot, refs));
  return {
    ctx: { settings: row.settings, calendar: new Map(row.holidays), now },
    resource: row.resource ?? undefined,
    departmentKnown: row.departmentKnown,
  };
}

/** `loadRequestContext`'s statement; placeholders `first`, `last`, `now`, `resourceId`, `departmentId`. */
function contextStatement(db: Db) {
  const [first, last, now] = [sql.placeholder('first'), sql.placeholder('last'), sql.placeholder('now')];
  const holidayRows = sql<[string, DayKind][]>`(
    select coalesce(json_agg(json_build_array(h.date, h.kind)), '[]'::json) from holidays h
     where h.date >= (${first}::timestamptz - make_interval(days => ${MARGIN_DAYS}))::date
       and h.date <= (greatest(${last}::timestamptz, ${now}::timestamptz + make_interval(days => greatest(${policySettings.bookingHorizonDays}, ${policySettings.seriesHorizonDays})))
                      + make_interval(days => ${MARGIN_DAYS}))::date)`;
  const departmentKnown = sql<boolean>`exists (select 1 from ${departments} where ${departments.id} = ${sql.placeholder('departmentId')}::uuid)`;
  return db
    .select({ settings: policySettings, holidays: holidayRows, resource: resources, departmentKnown })
    .from(policySettings)
    .leftJoin(resources, eq(resources.id, sql`${sql.placeholder('resourceId')}::uuid`))
    .where(eq(policySettings.id, 1))
    .prepare('load_request_context');
}

/** Which horizon a slot is held to: a single request's, or the longer one of a recurring series. */
export type HorizonRule = 'single' | 'series';

/** The context a series' occurrence is checked under: the series horizon in place of the booking horizon. */
export function withHorizon(ctx: LoadedContext, horizon: HorizonRule = 'single'): LoadedContext {
  if (horizon === 'single') return ctx;
  return { ...ctx, settings: { ...ctx.settings, bookingHorizonDays: ctx.settings.seriesHorizonDays } };
}
