/**
 * Policy values and the holiday calendar, read once per operation (they are admin settings),
 * together in one statement. Only the holidays an operation can look at are read: from a little
 * before today (or the slot asked for) to a little past the booking horizon — or the series
 * horizon when that is longer — (or the slot), which covers the lead time, the slot's own day, a
 * series' dates and the alternatives searched around them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { policySettings, type PolicySettings } from '@/db/schema';
import type { DayKind } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import type { PolicyContext } from './rules';

export type LoadedContext = PolicyContext & { settings: PolicySettings };

/** The alternatives look 14 days each way; a day more for the zone's offset from UTC. */
const MARGIN_DAYS = 16;

export interface SlotSpan {
  startAt: Date;
  endAt: Date;
}

export async function loadPolicyContext(db: Db, now: Date = new Date(), slot?: SlotSpan): Promise<LoadedContext> {
  const first = new Date(Math.min(now.getTime(), slot?.startAt.getTime() ?? Infinity)).toISOString();
  const last = new Date(Math.max(now.getTime(), slot?.endAt.getTime() ?? -Infinity)).toISOString();
  const holidayRows = sql<[string, DayKind][]>`(
    select coalesce(json_agg(json_build_array(h.date, h.kind)), '[]'::json) from holidays h
     where h.date >= (${first}::timestamptz - make_interval(days => ${MARGIN_DAYS}))::date
       and h.date <= (greatest(${last}::timestamptz, ${now.toISOString()}::timestamptz + make_interval(days => greatest(${policySettings.bookingHorizonDays}, ${policySettings.seriesHorizonDays})))
                      + make_interval(days => ${MARGIN_DAYS}))::date)`;
  const [row] = await db
    .select({ settings: policySettings, holidays: holidayRows })
    .from(policySettings)
    .where(eq(policySettings.id, 1));
  // A database migrated but never seeded: the defaults are written once, then read as usual.
  if (!row) return getSettings(db).then(() => loadPolicyContext(db, now, slot));
  return { settings: row.settings, calendar: new Map(row.holidays), now };
}

/** Which horizon a slot is held to: a single request's, or the longer one of a recurring series. */
export type HorizonRule = 'single' | 'series';

/** The context a series' occurrence is checked under: the series horizon in place of the booking horizon. */
export function withHorizon(ctx: LoadedContext, horizon: HorizonRule = 'single'): LoadedContext {
  if (horizon === 'single') return ctx;
  return { ...ctx, settings: { ...ctx.settings, bookingHorizonDays: ctx.settings.seriesHorizonDays } };
}
