/**
 * How each occurrence of a series stands, in previews and in answers: free, taken (with ranked
 * alternatives), refused by a rule about when, on a day off (skipped), or requested (a booking).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingSeries, users } from '@/db/schema';
import { isDomainError, type Alternative, type DomainError, type ErrorCode } from '@/lib/errors';
import { loadPolicyContext, withHorizon, type LoadedContext } from '../context';
import { horizonEnd } from '../rules';
import { expandRule, type Occurrence, type SkipReason } from './rule';
import type { SeriesSlotInput } from './schemas';

export type OccurrenceState = 'free' | 'taken' | 'unavailable' | 'skipped' | 'requested';

export interface OccurrenceView {
  n: number;
  startAt: string;
  endAt: string;
  status: OccurrenceState;
  /** skipped: the kind of day off; unavailable: the rule's error code. */
  reason?: SkipReason | ErrorCode;
  bookingId?: string;
  alternatives?: Alternative[];
}

/** Refusals that concern one occurrence's time only: the others may still be had. */
const OCCURRENCE_ERRORS = new Set<ErrorCode>(['slot_taken', 'lead_time', 'outside_hours', 'beyond_horizon']);

export function isOccurrenceRefusal(error: unknown): error is DomainError {
  return isDomainError(error) && OCCURRENCE_ERRORS.has(error.code);
}

export function viewOf(occurrence: Occurrence, status: OccurrenceState, extra: Partial<OccurrenceView> = {}): OccurrenceView {
  return {
    n: occurrence.n,
    startAt: occurrence.startAt.toISOString(),
    endAt: occurrence.endAt.toISOString(),
    status,
    ...(occurrence.skipped && { reason: occurrence.skipped }),
    ...extra,
  };
}

/** A refused occurrence: taken, or unavailable under the named rule; with the alternatives found. */
export function refusedView(occurrence: Occurrence, error: DomainError): OccurrenceView {
  const alternatives = error.details.alternatives;
  return viewOf(occurrence, error.code === 'slot_taken' ? 'taken' : 'unavailable', {
    ...(error.code !== 'slot_taken' && { reason: error.code }),
    ...(alternatives && alternatives.length > 0 && { alternatives }),
  });
}

/**
 * The rule's dates for a request, under the settings now in force (calendar, zone, and the
 * series horizon, which may reach past a single request's).
 */
export async function expandRequest(db: Db, input: SeriesSlotInput, now?: Date): Promise<{ ctx: LoadedContext; dates: Occurrence[] }> {
  const ctx = withHorizon(await loadPolicyContext(db, now), 'series');
  const dates = expandRule({
    rrule: input.rrule,
    startAt: input.startAt,
    endAt: input.endAt,
    timeZone: ctx.settings.timeZone,
    calendar: ctx.calendar,
    horizonEnd: horizonEnd(ctx),
    horizonDays: ctx.settings.bookingHorizonDays,
    includeNonWorkingDays: input.includeNonWorkingDays,
  });
  return { ctx, dates };
}

/** Whose series it is, for the authorization of every series action. */
export async function loadSeriesRow(db: Db, seriesId: string) {
  const [row] = await db
    .select({ series: bookingSeries, requesterName: users.name })
    .from(bookingSeries)
    .innerJoin(users, eq(users.id, bookingSeries.requesterUserId))
    .where(eq(bookingSeries.id, seriesId));
  return row;
}
