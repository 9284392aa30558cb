/** Input of staff suggestions and complaints (policy II.2) and of admin's answer. */
import { z } from 'zod';
import { optionalId, text } from '@/lib/booking/schemas';

export const FEEDBACK_KINDS = ['suggestion', 'complaint'] as const;

export const sendFeedbackSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS, { error: 'invalid_choice' }),
  /** The resource it is about; left out: the booking process in general. */
  resourceId: optionalId(),
  message: text(2000),
});

export const answerFeedbackSchema = z.object({ answer: text(2000) });
