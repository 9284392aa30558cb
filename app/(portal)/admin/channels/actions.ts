'use server';

/**
 * Admin's group-bot channel forms. lib/notices checks admin and the values; the webhook URL and
 * the signing secret are written only, never read back (blank on an edit keeps what is stored).
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createChannel, updateChannel } from '@/lib/notices/channels';
import { sendTestNotice } from '@/lib/notices/test-message';
import { formCheckbox, formList, serverAction } from '@/lib/forms/server-action';

const text = () => z.string().default('');

export const saveChannelAction = serverAction({
  input: z.object({
    id: text(),
    kind: text(),
    name: text(),
    webhookUrl: text(),
    secret: text(),
    removeSecret: formCheckbox(),
    events: formList(z.string()),
  }),
  run: async ({ db, actor }, { id, webhookUrl, secret, removeSecret, ...fields }) => {
    if (!id) {
      await createChannel(db, actor, { ...fields, webhookUrl, ...(secret.trim() && { secret }) });
      return { notice: 'added' as const };
    }
    await updateChannel(db, actor, id, {
      ...fields,
      // Blank keeps the stored address and secret: neither is ever shown in the form.
      ...(webhookUrl.trim() && { webhookUrl }),
      ...(removeSecret ? { secret: '' } : secret.trim() && { secret }),
    });
    return { notice: 'updated' as const };
  },
  after: ({ notice }) => {
    revalidatePath('/admin/channels');
    redirect(`/admin/channels?notice=${notice}`);
  },
});

export const setChannelActiveAction = serverAction({
  input: z.object({ id: text(), active: z.enum(['true', 'false']) }),
  run: async ({ db, actor }, { id, active }) => {
    await updateChannel(db, actor, id, { active: active === 'true' });
    return { active: active === 'true' };
  },
  message: (t, { active }) => t(active ? 'channels.switchedOn' : 'channels.switchedOff'),
  after: () => revalidatePath('/admin/channels'),
});

/** Posts a test message now; the answer carries the platform's reply, never the secret. */
export const testChannelAction = serverAction({
  input: z.object({ id: text() }),
  run: async ({ db, actor }, { id }) => sendTestNotice(db, actor, id),
});
