'use server';

/** The new-booking form's submit: staffRequestSchema → createStaffRequest → the new booking's id. */
import { revalidatePath } from 'next/cache';
import { createStaffRequest } from '@/lib/booking/create';
import { staffRequestSchema } from '@/lib/booking/schemas';
import { serverAction } from '@/lib/forms/server-action';

export const createBookingAction = serverAction({
  input: staffRequestSchema,
  run: async ({ db, actor }, request) => {
    const booking = await createStaffRequest(db, actor, request);
    return { id: booking.id, reference: booking.reference };
  },
  after: () => revalidatePath('/bookings'),
});
