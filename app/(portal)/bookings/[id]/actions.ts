'use server';

/**
 * The applicant's actions on the booking page. Each: parse the form → actor → the domain
 * function (which authorizes and checks the status) → back to the page with a notice, or the
 * error in the user's language. Plain form posts, so they work before JavaScript loads.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { cancelBooking, confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { optionalReasonSchema, parseInput, reasonSchema, supplementSchema } from '@/lib/booking/schemas';
import { actionFailure, type ActionFailure } from '@/lib/forms/action-result';

/** A failure echoes what was typed: React resets a form after its action, to these values. */
export type BookingActionState = (ActionFailure & { values: Record<string, string> }) | null;

type Notice = 'supplemented' | 'confirmed' | 'declined' | 'cancelled';

function typed(form: FormData | undefined): Record<string, string> {
  return Object.fromEntries([...(form?.entries() ?? [])].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[0].startsWith('$')));
}

async function run(
  bookingId: string,
  notice: Notice,
  form: FormData | undefined,
  change: () => Promise<unknown>,
): Promise<BookingActionState> {
  try {
    await change();
  } catch (error) {
    return { ...(await actionFailure(error)), values: typed(form) };
  }
  revalidatePath('/bookings');
  revalidatePath(`/bookings/${bookingId}`);
  redirect(`/bookings/${encodeURIComponent(bookingId)}?notice=${notice}`);
}

export async function supplementAction(bookingId: string, _prev: BookingActionState, form: FormData): Promise<BookingActionState> {
  return run(bookingId, 'supplemented', form, async () => {
    const input = parseInput(supplementSchema, {
      message: form.get('message'),
      purpose: form.get('purpose'),
      attendees: form.get('attendees'),
      phone: form.get('phone'),
      specialNeeds: form.get('specialNeeds'),
    });
    await supplementBooking(await getDb(), await currentActor(), { bookingId, ...input });
  });
}

export async function confirmAction(bookingId: string): Promise<BookingActionState> {
  return run(bookingId, 'confirmed', undefined, async () => confirmBooking(await getDb(), await currentActor(), { bookingId }));
}

export async function declineAction(bookingId: string, _prev: BookingActionState, form: FormData): Promise<BookingActionState> {
  return run(bookingId, 'declined', form, async () => {
    const { reason } = parseInput(optionalReasonSchema, { reason: form.get('reason') });
    await declineBooking(await getDb(), await currentActor(), { bookingId, reason });
  });
}

export async function cancelAction(bookingId: string, _prev: BookingActionState, form: FormData): Promise<BookingActionState> {
  return run(bookingId, 'cancelled', form, async () => {
    const { reason } = parseInput(reasonSchema, { reason: form.get('reason') });
    await cancelBooking(await getDb(), await currentActor(), { bookingId, reason });
  });
}
