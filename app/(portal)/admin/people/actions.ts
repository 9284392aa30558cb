'use server';

/**
 * Admin's forms for people and departments. lib/users/people.ts and lib/users/departments.ts
 * check admin, the values and the last-admin rule; lib/api-access/tokens.ts the API access.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { setApiAccess } from '@/lib/api-access/tokens';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';
import { createDepartment, updateDepartment } from '@/lib/users/departments';
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

export const setApiAccessAction = serverAction({
  input: z.object({ id: text(), allowed: formCheckbox() }),
  run: async ({ db, actor }, { id, allowed }) => {
    await setApiAccess(db, actor, id, allowed);
    return { id };
  },
  message: (t) => t('people.apiAccess.saved'),
  after: ({ id }) => revalidatePath(`/admin/people/${id}`),
});

export const createDepartmentAction = serverAction({
  input: z.looseObject({}),
  run: async ({ db, actor }, input) => createDepartment(db, actor, input),
  after: ({ id }) => {
    revalidatePath('/admin/people/departments');
    redirect(`/admin/people/departments/${id}?notice=created`);
  },
});

export const updateDepartmentAction = serverAction({
  input: z.looseObject({ id: text() }),
  run: async ({ db, actor }, { id, ...change }) => {
    await updateDepartment(db, actor, id, change);
    return { id };
  },
  after: ({ id }) => {
    revalidatePath('/admin/people/departments');
    redirect(`/admin/people/departments/${id}?notice=saved`);
  },
});
