'use server';

/**
 * The follow-up survey's form (/s/<token>): the token is the only credential. A success goes back
 * to the link, which then thanks the customer (the link is used up); a refusal comes back in the
 * page's language with the field messages. And customer service's read mark on an answer.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';
import { answerSurvey } from '@/lib/surveys/answer';
import { markSurveysSeen } from '@/lib/surveys/queries';

export const answerSurveyByLinkAction = serverAction({
  access: 'public',
  // The scores and comment are checked by the domain's own schema (lib/surveys/schemas.ts).
  input: z.object({
    token: z.string().default(''),
    // An unanswered question sends no field: absent here, named by the domain's schema.
    overall: z.unknown().optional(),
    condition: z.unknown().optional(),
    service: z.unknown().optional(),
    comment: z.unknown().optional(),
    mayContact: formCheckbox(),
  }),
  run: async ({ db }, { token, ...answer }) => {
    await answerSurvey(db, token, answer);
  },
  after: (_data, { token }) => redirect(`/s/${encodeURIComponent(token)}?done=1`),
});

/** Customer service marks an answer read: it leaves the new answers and the desk's count. */
export const markSurveySeenAction = serverAction({
  input: z.object({ surveyId: z.uuid({ error: 'invalid_choice' }) }),
  run: async ({ db, actor }, { surveyId }) => {
    await markSurveysSeen(db, actor, [surveyId]);
  },
  message: (t) => t('survey.desk.marked'),
  after: () => revalidatePath('/desk', 'layout'),
});
