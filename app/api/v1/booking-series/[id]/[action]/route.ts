/**
 * POST /api/v1/booking-series/{id}/{approve|reject|confirm|cancel} → 200 `{occurrences: [{n,
 * bookingId, status, error?}]}`.
 * - approve `{opinion, occurrences?: [n…]}` and reject `{reason, occurrences?}`: admin; an
 *   occurrence that cannot be approved is reported in its `error`, the others go ahead;
 * - confirm `{}`: the applicant, once for every approved date;
 * - cancel `{reason, occurrences?: [n], fromOccurrence?: n}`: one date, it and the following, or all.
 */
import { z } from 'zod';
import { apiRoute } from '@/lib/api/handler';
import { approveSeries, cancelSeries, confirmSeries, rejectSeries, type OccurrenceOutcome } from '@/lib/booking/series/actions';
import { occurrenceSelectionSchema } from '@/lib/booking/series/schemas';
import { DomainError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const withOpinion = occurrenceSelectionSchema.extend({ opinion: z.string({ error: 'required' }) });
const withReason = occurrenceSelectionSchema.extend({ reason: z.string({ error: 'required' }) });

export const POST = apiRoute<{ id: string; action: string }>(async ({ db, actor, params, body }) => {
  const seriesId = params.id;
  let occurrences: OccurrenceOutcome[];
  if (params.action === 'approve') {
    const input = await body(withOpinion);
    occurrences = await approveSeries(db, actor, { seriesId, opinion: input.opinion, occurrences: input.occurrences });
  } else if (params.action === 'reject') {
    const input = await body(withReason);
    occurrences = await rejectSeries(db, actor, { seriesId, reason: input.reason, occurrences: input.occurrences });
  } else if (params.action === 'confirm') {
    await body(z.object({}));
    occurrences = await confirmSeries(db, actor, { seriesId });
  } else if (params.action === 'cancel') {
    const input = await body(withReason);
    const one = input.occurrences?.length === 1 ? input.occurrences[0] : undefined;
    if (input.occurrences && one === undefined) throw new DomainError('invalid_input', undefined, { fields: { occurrences: ['too_many'] } });
    const scope = one !== undefined ? 'one' : input.fromOccurrence !== undefined ? 'following' : 'all';
    occurrences = await cancelSeries(db, actor, { seriesId, reason: input.reason, scope, occurrence: one ?? input.fromOccurrence });
  } else {
    throw new DomainError('not_found');
  }
  return Response.json({ occurrences });
});
