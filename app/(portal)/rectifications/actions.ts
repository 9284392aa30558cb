'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { changeRectification } from '@/lib/rectifications/change';
import { createRectification } from '@/lib/rectifications/create';

/**
 * The new-item form: its fields as the JSON API takes them, the source as two hidden fields.
 * lib/rectifications/create.ts checks the role and validates.
 */
export const createRectificationAction = serverAction({
  input: z.looseObject({ sourceKind: z.string().optional(), sourceId: z.string().optional() }),
  run: async ({ db, actor }, { sourceKind, sourceId, ...fields }) => {
    const source = sourceKind && sourceId ? { kind: sourceKind, id: sourceId } : undefined;
    return (await createRectification(db, actor, { ...fields, source })).id;
  },
  after: (id) => {
    revalidatePath('/rectifications');
    redirect(`/rectifications/${id}?notice=created`);
  },
});

/** A step of the item's life, a reassignment or a note; lib/rectifications/change.ts decides who may. */
export const changeRectificationAction = serverAction({
  input: z.looseObject({ rectificationId: z.string() }),
  run: async ({ db, actor }, { rectificationId, ...fields }) => {
    await changeRectification(db, actor, rectificationId, fields);
    return rectificationId;
  },
  message: (t) => t('rectifications.detail.moved'),
  after: (id) => {
    revalidatePath('/rectifications');
    revalidatePath(`/rectifications/${id}`);
  },
});
