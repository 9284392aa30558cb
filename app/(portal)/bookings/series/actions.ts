'use server';

/**
 * The series pages' actions: preview and submit a series (the form), admin's approve and reject,
 * the applicant's confirm and cancel. Each calls the series domain (lib/booking/series), which
 * authorizes and decides.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveSeries, cancelSeries, confirmSeries, rejectSeries } from '@/lib/booking/series/actions';
import { createSeries } from '@/lib/booking/series/create';
import { previewSeries } from '@/lib/booking/series/preview';
import { formList, serverAction } from '@/lib/forms/server-action';

/** The request as the form sends it; the domain parses it with the series and request schemas. */
const request = z.record(z.string(), z.unknown());

export const previewSeriesAction = serverAction({
  input: request,
  run: ({ db, actor }, input) => previewSeries(db, actor, input),
});

export const createSeriesAction = serverAction({
  input: request,
  run: async ({ db, actor }, input) => {
    const created = await createSeries(db, actor, input);
    return { id: created.seriesId, occurrences: created.occurrences };
  },
  after: () => revalidatePath('/bookings'),
});

const seriesId = z.object({ seriesId: z.string() });
const occurrences = formList(z.coerce.number().int());
const revalidateSeries = (_data: unknown, input: { seriesId: string }) => revalidatePath(`/bookings/series/${input.seriesId}`);

/** Approve all waiting occurrences, or only the ticked ones. */
export const approveSeriesAction = serverAction({
  input: seriesId.extend({ opinion: z.string(), occurrences }),
  run: async ({ db, actor }, { seriesId, opinion, occurrences }) => {
    const outcome = await approveSeries(db, actor, { seriesId, opinion, ...(occurrences.length > 0 && { occurrences }) });
    return { approved: outcome.filter((o) => !o.error).length, refused: outcome.filter((o) => o.error).length };
  },
  message: (t, data) => t('series.notice.approved', data),
  after: revalidateSeries,
});

/** Reject the ticked occurrences (all still under review when none is ticked). */
export const rejectSeriesAction = serverAction({
  input: seriesId.extend({ reason: z.string(), occurrences }),
  run: async ({ db, actor }, { seriesId, reason, occurrences }) => {
    const outcome = await rejectSeries(db, actor, { seriesId, reason, ...(occurrences.length > 0 && { occurrences }) });
    return { rejected: outcome.length };
  },
  message: (t, data) => t('series.notice.rejected', data),
  after: revalidateSeries,
});

export const confirmSeriesAction = serverAction({
  input: seriesId,
  run: async ({ db, actor }, { seriesId }) => {
    const outcome = await confirmSeries(db, actor, { seriesId });
    return { confirmed: outcome.filter((o) => !o.error).length };
  },
  message: (t, data) => t('series.notice.confirmed', data),
  after: revalidateSeries,
});

export const cancelSeriesAction = serverAction({
  input: seriesId.extend({
    reason: z.string(),
    scope: z.enum(['one', 'following', 'all'], { error: 'invalid_choice' }),
    occurrence: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().optional()),
  }),
  run: async ({ db, actor }, input) => {
    const outcome = await cancelSeries(db, actor, input);
    return { cancelled: outcome.length };
  },
  message: (t, data) => t('series.notice.cancelled', data),
  after: revalidateSeries,
});
