'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { answerFeedback } from '@/lib/feedback/send';
import { answerFeedbackSchema } from '@/lib/feedback/schemas';
import { serverAction } from '@/lib/forms/server-action';

/** Admin answers a suggestion; lib/feedback/send.ts checks admin and answers once. */
export const answerFeedbackAction = serverAction({
  input: answerFeedbackSchema.extend({ feedbackId: z.string() }),
  run: async ({ db, actor }, { feedbackId, ...input }) => {
    await answerFeedback(db, actor, feedbackId, input);
  },
  message: (t) => t('feedback.admin.answered'),
  after: () => revalidatePath('/admin/feedback'),
});
