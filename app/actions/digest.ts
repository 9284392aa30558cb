'use server';

/** An admin's opt-in to the morning digest e-mail; lib/users/preferences.ts checks admin. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';
import { setDailyDigest } from '@/lib/users/preferences';

export const setDailyDigestAction = serverAction({
  input: z.object({ dailyDigest: formCheckbox() }),
  run: async ({ db, actor }, { dailyDigest }) => {
    await setDailyDigest(db, actor, dailyDigest);
    return { on: dailyDigest };
  },
  message: (t, { on }) => t(on ? 'digest.subscribed' : 'digest.unsubscribed'),
  after: () => revalidatePath('/account'),
});
