'use server';

/** Admin's forms for people. lib/users/people.ts checks admin, the values and the last-admin rule. */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { createPerson, resetPassword, updatePerson } from '@/lib/users/people';

const text = () => z.string().default('');

export const createPersonAction = serverAction({
  input: z.looseObject({}),
  run: async ({ db, actor }, input) => createPerson(db, actor, input),
  after: ({ id }) => {
    revalidatePath('/admin/people');
    redirect(`/admin/people/${id}?notice=created`);
  },
});

export const updatePersonAction = serverAction({
  input: z.looseObject({ id: text() }),
  run: async ({ db, actor }, { id, ...change }) => {
    await updatePerson(db, actor, id, change);
    return { id };
  },
  after: ({ id }) => {
    revalidatePath('/admin/people');
    redirect(`/admin/people/${id}?notice=saved`);
  },
});

export const resetPasswordAction = serverAction({
  input: z.object({ id: text() }),
  run: async ({ db, actor }, { id }) => {
    await resetPassword(db, actor, id);
  },
  message: (t) => t('people.resetSent'),
});
