'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { answerCoordination } from '@/lib/booking/review';
import { localizeError } from '@/lib/i18n/error-message';

export type AnswerState = {
  error: string;
  /** Message keys of the `validation` namespace, by form field. */
  fields?: Record<string, string[]>;
  values: { answer: string; comment: string };
} | null;

/** A department contact answers a coordination request; the domain checks it is theirs to answer. */
export async function answerCoordinationAction(_prev: AnswerState, form: FormData): Promise<AnswerState> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const coordinationId = field('coordinationId');
  const values = { answer: field('answer'), comment: field('comment') };
  try {
    await answerCoordination(await getDb(), await currentActor(), {
      coordinationId,
      answer: values.answer as 'agree' | 'concerns',
      comment: values.comment,
    });
  } catch (error) {
    const { message, fields } = await localizeError(error);
    return { error: message, fields, values };
  }
  revalidatePath('/coordination');
  revalidatePath('/admin/review', 'layout');
  redirect('/coordination?notice=answered');
}
