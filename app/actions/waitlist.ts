'use server';

/** Joining and leaving the waitlist, from the booking form and the list of one's bookings. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { joinWaitlist, joinWaitlistSchema, leaveWaitlist } from '@/lib/waitlist/entries';

export const joinWaitlistAction = serverAction({
  input: joinWaitlistSchema,
  run: async ({ db, actor }, input) => {
    await joinWaitlist(db, actor, input);
  },
  message: (t) => t('waitlist.joined'),
  after: () => revalidatePath('/waitlist'),
});

export const leaveWaitlistAction = serverAction({
  input: z.object({ entryId: z.string() }),
  run: async ({ db, actor }, { entryId }) => {
    await leaveWaitlist(db, actor, entryId);
  },
  message: (t) => t('waitlist.removed'),
  after: () => revalidatePath('/waitlist'),
});
