'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { markImportant } from '@/lib/customer/service-desk';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';

/** Important customer and special needs, which the review dashboard shows; the domain checks the role. */
export const markImportantAction = serverAction({
  input: z.object({ bookingId: z.string(), importantCustomer: formCheckbox(), specialNeeds: z.string().default('') }),
  run: async ({ db, actor }, input) => {
    await markImportant(db, actor, input);
  },
  after: (_data, { bookingId }) => {
    revalidatePath('/desk');
    revalidatePath(`/desk/bookings/${bookingId}`);
    redirect(`/desk/bookings/${encodeURIComponent(bookingId)}?saved=1`);
  },
});
