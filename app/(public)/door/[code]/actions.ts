'use server';

/**
 * Check in from the door's QR code: the signed-in applicant (or admin) checks in their booking
 * on this resource; the domain function authorizes and checks the window. Back to the door page.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { checkIn } from '@/lib/booking/check-in';
import { serverAction } from '@/lib/forms/server-action';

export const doorCheckInAction = serverAction({
  input: z.object({ bookingId: z.string(), code: z.string().max(64) }),
  run: async ({ db, actor }, { bookingId }) => {
    await checkIn(db, actor, { bookingId }, { via: 'door' });
  },
  after: (_data, { code }) => redirect(`/door/${encodeURIComponent(code)}?done=checkedIn`),
});
