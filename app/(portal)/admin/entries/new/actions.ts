'use server';

/**
 * Admin types in a staff request that came on paper, by phone or by e-mail. The booking domain
 * checks that the actor is admin, the schema and the slot rules; a taken slot comes back with
 * its alternatives.
 */
import { revalidatePath } from 'next/cache';
import { createStaffRequest } from '@/lib/booking/create';
import { adminEntrySchema } from '@/lib/booking/schemas';
import { serverAction } from '@/lib/forms/server-action';

export const createEntryAction = serverAction({
  input: adminEntrySchema,
  run: async ({ db, actor }, entry) => {
    const booking = await createStaffRequest(db, actor, entry);
    return { id: booking.id, reference: booking.reference };
  },
  message: (t, { reference }) => t('entries.entered', { reference }),
  after: () => revalidatePath('/admin/review'),
});
