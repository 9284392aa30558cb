'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { retryDeadMail } from '@/lib/mail/outbox-admin';
import { retryDeadNotice } from '@/lib/notices/undelivered';

/** A dead letter back into the queue; lib/mail/outbox-admin.ts checks admin. */
export const retryMailAction = serverAction({
  input: z.object({ id: z.string() }),
  run: async ({ db, actor }, { id }) => {
    await retryDeadMail(db, actor, id);
  },
  message: (t) => t('outbox.retried'),
  after: () => revalidatePath('/admin/outbox'),
});

/** A dead group-bot notice back into its queue; lib/notices/undelivered.ts checks admin. */
export const retryNoticeAction = serverAction({
  input: z.object({ id: z.string() }),
  run: async ({ db, actor }, { id }) => {
    await retryDeadNotice(db, actor, id);
  },
  message: (t) => t('outbox.retried'),
  after: () => revalidatePath('/admin/outbox'),
});
