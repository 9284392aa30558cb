/**
 * Series input. The rule and the first slot are checked here; everything else a request
 * carries (purpose, phone, admin's paper-entry fields…) is checked by the single-request create
 * path each occurrence goes through (lib/booking/create.ts).
 */
import { z } from 'zod';
import { blankToUndefined } from '@/lib/validation/fields';
import { id, instant, optionalId } from '../schemas';

const attendees = z.preprocess(blankToUndefined, z.coerce.number({ error: 'invalid_number' }).int('invalid_number').min(1, 'too_small').optional());

export const seriesSlotSchema = z
  .object({
    resourceId: id(),
    startAt: instant(),
    endAt: instant(),
    attendees,
    rrule: z.string({ error: 'required' }).trim().min(1, 'required').max(500, 'too_long'),
    includeNonWorkingDays: z.boolean({ error: 'invalid_choice' }).default(false),
    onBehalfOfUserId: optionalId(),
  })
  .refine((v) => v.endAt.getTime() > v.startAt.getTime(), { message: 'end_before_start', path: ['endAt'] });

export type SeriesSlotInput = z.output<typeof seriesSlotSchema>;

/** Which occurrences an action is about: all of them (omitted), some by number, or from one on. */
export const occurrenceSelectionSchema = z.object({
  occurrences: z.array(z.coerce.number().int().min(1, 'too_small'), { error: 'invalid_choice' }).max(104, 'too_many').optional(),
  fromOccurrence: z.coerce.number({ error: 'invalid_number' }).int('invalid_number').min(1, 'too_small').optional(),
});

export type OccurrenceSelection = z.output<typeof occurrenceSelectionSchema>;
