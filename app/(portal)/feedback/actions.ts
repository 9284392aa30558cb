'use server';

import { revalidatePath } from 'next/cache';
import { serverAction } from '@/lib/forms/server-action';
import { sendFeedback } from '@/lib/feedback/send';
import { sendFeedbackSchema } from '@/lib/feedback/schemas';

/** A member of staff sends a suggestion or complaint; lib/feedback/send.ts checks the input again. */
export const sendFeedbackAction = serverAction({
  input: sendFeedbackSchema,
  run: async ({ db, actor }, input) => {
    await sendFeedback(db, actor, input);
  },
  message: (t) => t('feedback.form.sent'),
  after: () => revalidatePath('/feedback'),
});
