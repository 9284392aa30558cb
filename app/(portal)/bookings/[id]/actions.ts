'use server';

/**
 * The applicant's actions on the booking page: supplement, confirm, decline, cancel. The domain
 * functions authorize and check the status; a success goes back to the page with a notice.
 * Plain form posts (the booking's id is a hidden field), so they work before JavaScript loads.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cancelBooking, confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { optionalReasonSchema, reasonSchema, supplementSchema } from '@/lib/booking/schemas';
import { serverAction } from '@/lib/forms/server-action';

type Notice = 'supplemented' | 'confirmed' | 'declined' | 'cancelled';

const bookingId = z.object({ bookingId: z.string() });

/** Back to the booking, which shows its new status and the notice. */
const backToBooking = (notice: Notice) => (_data: unknown, input: { bookingId: string }) => {
  revalidatePath('/bookings');
  revalidatePath(`/bookings/${input.bookingId}`);
  redirect(`/bookings/${encodeURIComponent(input.bookingId)}?notice=${notice}`);
};

export const supplementAction = serverAction({
  input: supplementSchema.extend(bookingId.shape),
  run: async ({ db, actor }, input) => {
    await supplementBooking(db, actor, input);
  },
  after: backToBooking('supplemented'),
});

export const confirmAction = serverAction({
  input: bookingId,
  run: async ({ db, actor }, input) => {
    await confirmBooking(db, actor, input);
  },
  after: backToBooking('confirmed'),
});

export const declineAction = serverAction({
  input: optionalReasonSchema.extend(bookingId.shape),
  run: async ({ db, actor }, input) => {
    await declineBooking(db, actor, input);
  },
  after: backToBooking('declined'),
});

export const cancelAction = serverAction({
  input: reasonSchema.extend(bookingId.shape),
  run: async ({ db, actor }, input) => {
    await cancelBooking(db, actor, input);
  },
  after: backToBooking('cancelled'),
});

