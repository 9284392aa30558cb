/**
 * Acting on a whole series, or some of its occurrences, at once: admin approves or rejects, the
 * applicant confirms once (signed in, or through the confirmation link of any occurrence) and
 * cancels one occurrence, this and the following ones, or all. Each occurrence still changes
 * status through its own single-booking function (lib/booking/review.ts, applicant.ts), so the
 * transition table, the audit trail and the e-mails are the ones a single booking gets; they
 * run in ONE transaction, each in its own savepoint, so that approving or confirming what can
 * be while reporting what cannot (a blackout added since, a deadline passed) is one decision.
 */
import { and, eq, gt, gte, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type Booking, type BookingStatus } from '@/db/schema';
import { ANONYMOUS, requireAdmin, SYSTEM, type Actor } from '@/lib/authz';
import { DomainError, isDomainError, type Alternative, type ErrorCode } from '@/lib/errors';
import { resolveToken } from '@/lib/tokens';
import { cancelBooking, confirmBooking, type ApplicantOptions } from '../applicant';
import { approveBooking, rejectBooking } from '../review';
import { opinionSchema, parseInput, reasonSchema } from '../schemas';
import { TRANSITIONS } from '../state';
import { authorizeSeries, seriesBookings } from './queries';
import { occurrenceSelectionSchema, type OccurrenceSelection } from './schemas';

export interface OccurrenceOutcome {
  n: number;
  bookingId: string;
  status: BookingStatus;
  /** Why this occurrence kept its status; the others went ahead. */
  error?: { code: ErrorCode; alternatives?: Alternative[] };
}

type Step = (tx: Db, booking: Booking) => Promise<Booking>;

/** Refusals about one occurrence only (its time, its deadline): reported, the others go ahead. */
const OCCURRENCE_REFUSALS = new Set<ErrorCode>([
  'slot_taken',
  'lead_time',
  'outside_hours',
  'beyond_horizon',
  'deadline_passed',
  'resource_unavailable',
]);

/** The occurrences an action picks: by number, from a number on, or all. */
function selection(input: OccurrenceSelection): SQL | undefined {
  const { occurrences, fromOccurrence } = parseInput(occurrenceSelectionSchema, input);
  if (occurrences) return inArray(bookings.occurrenceNo, occurrences.length > 0 ? occurrences : [0]);
  if (fromOccurrence) return gte(bookings.occurrenceNo, fromOccurrence);
  return undefined;
}

/**
 * Runs `step` on each picked occurrence in `statuses`. `allOrNothing`: the first refusal undoes
 * them all; otherwise a refused occurrence is reported and the others stand.
 */
async function eachOccurrence(
  db: Db,
  seriesId: string,
  statuses: readonly BookingStatus[],
  where: SQL | undefined,
  step: Step,
  allOrNothing = false,
): Promise<OccurrenceOutcome[]> {
  return db.transaction(async (tx) => {
    const picked = await seriesBookings(tx, seriesId, statuses, where);
    if (picked.length === 0) throw new DomainError('invalid_transition');
    const outcomes: OccurrenceOutcome[] = [];
    for (const booking of picked) {
      try {
        const done = await step(tx, booking);
        outcomes.push({ n: booking.occurrenceNo!, bookingId: booking.id, status: done.status });
      } catch (error) {
        if (allOrNothing || !isDomainError(error) || !OCCURRENCE_REFUSALS.has(error.code)) throw error;
        const { code, details } = error;
        outcomes.push({
          n: booking.occurrenceNo!,
          bookingId: booking.id,
          status: booking.status,
          error: { code, ...(details.alternatives?.length && { alternatives: details.alternatives }) },
        });
      }
    }
    return outcomes;
  });
}

/** Admin approves every waiting occurrence, or the ones named, with one opinion. */
export async function approveSeries(
  db: Db,
  actor: Actor,
  input: { seriesId: string; opinion: string } & OccurrenceSelection,
  opts: { now?: Date } = {},
): Promise<OccurrenceOutcome[]> {
  requireAdmin(actor);
  const { opinion } = parseInput(opinionSchema, { opinion: input.opinion });
  await authorizeSeries(db, actor, input.seriesId);
  const now = opts.now ?? new Date();
  return eachOccurrence(db, input.seriesId, TRANSITIONS.approve.from, selection(input), (tx, booking) =>
    approveBooking(tx, actor, { bookingId: booking.id, opinion }, { now }),
  );
}

/** Admin rejects the named occurrences (or every one still under review) with one reason. */
export async function rejectSeries(
  db: Db,
  actor: Actor,
  input: { seriesId: string; reason: string } & OccurrenceSelection,
  opts: { now?: Date } = {},
): Promise<OccurrenceOutcome[]> {
  requireAdmin(actor);
  const { reason } = parseInput(reasonSchema, { reason: input.reason });
  await authorizeSeries(db, actor, input.seriesId);
  const now = opts.now ?? new Date();
  return eachOccurrence(db, input.seriesId, TRANSITIONS.reject.from, selection(input), (tx, booking) =>
    rejectBooking(tx, actor, { bookingId: booking.id, reason }, { now }),
  );
}

/** The applicant confirms the series once: every approved occurrence whose deadline has not passed. */
export async function confirmSeries(
  db: Db,
  actor: Actor,
  input: { seriesId: string },
  opts: ApplicantOptions = {},
): Promise<OccurrenceOutcome[]> {
  await authorizeSeries(db, actor, input.seriesId);
  const now = opts.now ?? new Date();
  return eachOccurrence(db, input.seriesId, TRANSITIONS.confirm.from, undefined, (tx, booking) =>
    confirmBooking(tx, actor, { bookingId: booking.id }, { ...opts, now }),
  );
}

/**
 * The confirmation link of any occurrence confirms its whole series: that occurrence with the
 * link (which is used up), then the others (`confirmOtherOccurrences`).
 */
export async function confirmSeriesByLink(db: Db, token: string, opts: { now?: Date } = {}): Promise<OccurrenceOutcome[]> {
  const now = opts.now ?? new Date();
  const link = await resolveToken(db, token, ['respond'], now);
  const [linked] = await db.select().from(bookings).where(eq(bookings.id, link.bookingId));
  if (!linked?.seriesId) throw new DomainError('token_invalid');
  const first = await confirmBooking(db, ANONYMOUS, { bookingId: linked.id }, { now, tokenId: link.id });
  const rest = await confirmOtherOccurrences(db, linked.seriesId, now);
  return [{ n: first.occurrenceNo!, bookingId: first.id, status: first.status }, ...rest].sort((a, b) => a.n - b.n);
}

/**
 * After the applicant confirmed one occurrence through its link (lib/booking/booking-link.ts),
 * or replied "confirm" to any mail of the series (lib/inbound, `via` the reply), the series'
 * approved dates are confirmed, by the system on their behalf: a series is confirmed once.
 * Nothing else waiting is no error.
 */
export async function confirmOtherOccurrences(
  db: Db,
  seriesId: string,
  now: Date,
  via: Pick<ApplicantOptions, 'viaEmailReply' | 'replyMessageId'> = {},
): Promise<OccurrenceOutcome[]> {
  return eachOccurrence(db, seriesId, TRANSITIONS.confirm.from, undefined, (tx, booking) =>
    confirmBooking(tx, SYSTEM, { bookingId: booking.id }, { ...via, now }),
  ).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'invalid_transition') return [];
    throw error;
  });
}

export type CancelScope = 'one' | 'following' | 'all';

/**
 * Cancels one occurrence, it and every later one, or the whole series — whatever has not yet
 * ended; occurrences already over keep their history. All or nothing.
 */
export async function cancelSeries(
  db: Db,
  actor: Actor,
  input: { seriesId: string; reason: string; scope: CancelScope; occurrence?: number },
  opts: ApplicantOptions = {},
): Promise<OccurrenceOutcome[]> {
  const { reason } = parseInput(reasonSchema, { reason: input.reason });
  await authorizeSeries(db, actor, input.seriesId);
  const now = opts.now ?? new Date();
  if (input.scope !== 'all' && !(Number.isInteger(input.occurrence) && input.occurrence! > 0)) {
    throw new DomainError('invalid_input', undefined, { fields: { occurrence: ['required'] } });
  }
  const which =
    input.scope === 'one'
      ? eq(bookings.occurrenceNo, input.occurrence!)
      : input.scope === 'following'
        ? gte(bookings.occurrenceNo, input.occurrence!)
        : undefined;
  return eachOccurrence(
    db,
    input.seriesId,
    TRANSITIONS.cancel.from,
    and(which, gt(bookings.endAt, now)),
    (tx, booking) => cancelBooking(tx, actor, { bookingId: booking.id, reason }, { ...opts, now }),
    true,
  );
}
