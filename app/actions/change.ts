'use server';

/**
 * Asking to move a booking and taking the request back, from the booking page and the service
 * desk (the manage link has its own, app/actions/booking-link.ts). The domain authorizes: the
 * applicant, or customer service for a customer's booking. Back to the page the form was on.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changeFormFields, changeFormInput } from '@/lib/booking/change-form';
import { requestChange } from '@/lib/booking/request-change';
import { withdrawChange } from '@/lib/booking/withdraw-change';
import { serverAction } from '@/lib/forms/server-action';

const target = z.object({ bookingId: z.string(), returnTo: z.enum(['booking', 'desk']).catch('booking') });

const back = (notice: 'changeRequested' | 'changeWithdrawn') => (_data: unknown, input: z.output<typeof target>) => {
  const page = input.returnTo === 'desk' ? `/desk/bookings/${encodeURIComponent(input.bookingId)}` : `/bookings/${encodeURIComponent(input.bookingId)}`;
  revalidatePath(page);
  redirect(`${page}?notice=${notice}`);
};

export const requestChangeAction = serverAction({
  input: changeFormFields.extend(target.shape),
  run: async ({ db, actor }, { bookingId, ...fields }) => {
    await requestChange(db, actor, { bookingId, ...(await changeFormInput(db, fields)) });
  },
  after: back('changeRequested'),
});

export const withdrawChangeAction = serverAction({
  input: target,
  run: async ({ db, actor }, { bookingId }) => {
    await withdrawChange(db, actor, { bookingId });
  },
  after: back('changeWithdrawn'),
});
