'use server';

/**
 * The resource editor's forms. lib/resources checks that the actor is admin and the values; a
 * refusal comes back with its field messages, a save that would leave bookings outside new
 * hours or buffers comes back with their list (nothing saved) until admin ticks "keep them".
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';
import { createResource, reinstateResource, retireResource, updateResource } from '@/lib/resources/manage';
import { createResourceType, updateResourceType } from '@/lib/resources/types-manage';

const text = () => z.string().default('');

function typedText(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Every field of the editor goes to the domain's schema; these are the editor's own. */
const editorInput = z.looseObject({ id: text(), keepBookings: formCheckbox(), note: text() });

export const saveResourceAction = serverAction({
  input: editorInput,
  run: async ({ db, actor }, { id, keepBookings, note, ...values }) => {
    if (!id) {
      const created = await createResource(db, actor, values);
      return { saved: true as const, id: created.id, misfits: [], sent: {} as Record<string, string> };
    }
    const result = await updateResource(db, actor, id, values, { keepBookings, note });
    // Not saved: the form is shown again with what was typed (React clears it after an action).
    return result.saved ? { ...result, misfits: [], sent: {} as Record<string, string> } : { ...result, sent: typedText({ ...values, note }) };
  },
  after: (result) => {
    if (!result.saved) return;
    revalidatePath('/admin/resources');
    redirect(`/admin/resources/${result.id}?notice=saved`);
  },
});

export const retireResourceAction = serverAction({
  input: z.object({ id: text(), reason: text() }),
  run: async ({ db, actor }, { id, reason }) => {
    const { upcoming } = await retireResource(db, actor, id, { reason });
    return { id, upcoming: upcoming.length };
  },
  after: ({ id, upcoming }) => {
    revalidatePath('/admin/resources');
    redirect(`/admin/resources/${id}?notice=retired&upcoming=${upcoming}`);
  },
});

export const reinstateResourceAction = serverAction({
  input: z.object({ id: text() }),
  run: async ({ db, actor }, { id }) => {
    await reinstateResource(db, actor, id);
    return { id };
  },
  after: ({ id }) => {
    revalidatePath('/admin/resources');
    redirect(`/admin/resources/${id}?notice=reinstated`);
  },
});

export const saveResourceTypeAction = serverAction({
  input: z.looseObject({ id: text() }),
  run: async ({ db, actor }, { id, ...values }) => {
    if (id) await updateResourceType(db, actor, id, values);
    else await createResourceType(db, actor, values);
  },
  after: () => {
    revalidatePath('/admin/resources');
    redirect('/admin/resources/types?notice=saved');
  },
});
