'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { answerCoordination } from '@/lib/booking/review';
import { coordinationAnswerSchema } from '@/lib/booking/schemas';
import { serverAction } from '@/lib/forms/server-action';

/** A department contact answers a coordination request; the domain checks it is theirs to answer. */
export const answerCoordinationAction = serverAction({
  input: coordinationAnswerSchema.safeExtend({ coordinationId: z.string() }),
  run: async ({ db, actor }, input) => {
    await answerCoordination(db, actor, input);
  },
  after: () => {
    revalidatePath('/coordination');
    revalidatePath('/admin/review', 'layout');
    redirect('/coordination?notice=answered');
  },
});
