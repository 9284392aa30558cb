'use server';

/**
 * The visit on the booking page: check in, check out with the checklist, and admin's
 * inspection. The domain functions authorize and check the window and status; a success goes
 * back to the page with a notice.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { checkIn } from '@/lib/booking/check-in';
import { checkOut } from '@/lib/booking/check-out';
import { inspectBooking } from '@/lib/booking/inspect';
import { checkOutSchema, inspectSchema } from '@/lib/booking/visit-schemas';
import { serverAction } from '@/lib/forms/server-action';

const bookingId = z.object({ bookingId: z.string() });

const backToBooking = (notice: 'checkedIn' | 'checkedOut' | 'inspected') => (_data: unknown, input: { bookingId: string }) => {
  revalidatePath(`/bookings/${input.bookingId}`);
  redirect(`/bookings/${encodeURIComponent(input.bookingId)}?notice=${notice}`);
};

export const checkInAction = serverAction({
  input: bookingId,
  run: async ({ db, actor }, input) => {
    await checkIn(db, actor, input, { via: 'portal' });
  },
  after: backToBooking('checkedIn'),
});

/** Sent by the check-out form (react-hook-form) as an object, not FormData. */
export const checkOutAction = serverAction({
  input: z.object({ ...bookingId.shape, ...checkOutSchema.shape }),
  run: async ({ db, actor }, input) => {
    await checkOut(db, actor, input);
  },
  after: backToBooking('checkedOut'),
});

export const inspectAction = serverAction({
  input: z.object({ ...bookingId.shape, ...inspectSchema.shape }),
  run: async ({ db, actor }, input) => {
    await inspectBooking(db, actor, input);
  },
  after: backToBooking('inspected'),
});
