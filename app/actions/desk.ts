'use server';

/**
 * Recording that a customer was told (policy III.3), from the "to notify" list and from a
 * booking's desk page. The customer domain checks the role again.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { customerContactSchema, V } from '@/lib/customer/schemas';
import { recordCustomerContact } from '@/lib/customer/service-desk';
import { DomainError } from '@/lib/errors';
import { serverAction } from '@/lib/forms/server-action';
import { getSettings } from '@/lib/settings';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';

const REFERENCE = /^BK-\d{4}-\d{6}$/;

/** Where to go back to: a desk page only (the value comes from the form). */
function deskPath(value: string, fallback: string): string {
  return /^\/desk(\/[\w-]+)*$/.test(value) ? value : fallback;
}

/** How and when the customer was told; the datetime field is the organisation's wall clock. */
export const recordContactAction = serverAction({
  input: customerContactSchema.omit({ contactedAt: true }).extend({
    bookingId: z.string(),
    // The organisation's wall clock ('YYYY-MM-DDTHH:mm'), turned into an instant below.
    contactedAt: z.string().default(''),
    reference: z.string().default(''),
    returnTo: z.string().default(''),
  }),
  run: async ({ db, actor }, input) => {
    const { timeZone } = await getSettings(db);
    const wall = splitWallClock(input.contactedAt.trim());
    const contactedAt = wall ? instantOf(wall.day, wall.clock, timeZone) : null;
    if (!contactedAt) {
      throw new DomainError('invalid_input', undefined, {
        fields: { contactedAt: [input.contactedAt ? V.invalid_date : V.required] },
      });
    }
    await recordCustomerContact(db, actor, { bookingId: input.bookingId, method: input.method, contactedAt, note: input.note });
  },
  after: (_data, { bookingId, reference, returnTo }) => {
    revalidatePath('/desk');
    revalidatePath('/desk/notify');
    revalidatePath(`/desk/bookings/${bookingId}`);
    const back = deskPath(returnTo, '/desk/notify');
    redirect(`${back}?recorded=${REFERENCE.test(reference) ? reference : '1'}`);
  },
});
