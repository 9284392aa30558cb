'use server';

/**
 * The service desk's filing form: a request for a customer who phoned or wrote, or a priority
 * request asking admin to displace the staff booking in the way. The customer domain checks the
 * role and everything else again.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { filePriorityRequest, listDisplaceableBookings } from '@/lib/booking/displacement';
import { priorityRequestSchema, serviceDeskRequestSchema } from '@/lib/customer/schemas';
import { fileCustomerRequest } from '@/lib/customer/service-desk';
import { serverAction } from '@/lib/forms/server-action';

export const fileCustomerRequestAction = serverAction({
  input: serviceDeskRequestSchema,
  run: async ({ db, actor }, request) => {
    const booking = await fileCustomerRequest(db, actor, request);
    return { id: booking.id, reference: booking.reference };
  },
  after: () => revalidatePath('/desk'),
});

export const filePriorityRequestAction = serverAction({
  input: priorityRequestSchema,
  run: async ({ db, actor }, request) => {
    const booking = await filePriorityRequest(db, actor, request);
    return { id: booking.id, reference: booking.reference };
  },
  after: () => {
    revalidatePath('/desk');
    revalidatePath('/admin/review');
  },
});

/** The staff bookings in the way of a slot, for choosing the one a priority request names. */
export const findBlockersAction = serverAction({
  input: z.object({ resourceId: z.string(), startAt: z.string(), endAt: z.string() }),
  run: async ({ db, actor }, slot) =>
    (await listDisplaceableBookings(db, actor, slot)).map((b) => ({
      ...b,
      startAt: b.startAt.toISOString(),
      endAt: b.endAt.toISOString(),
    })),
});
