'use server';

/** The new-booking form's submit: parse → actor → createStaffRequest → a typed answer. */
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { createStaffRequest } from '@/lib/booking/create';
import { parseInput, staffRequestSchema } from '@/lib/booking/schemas';
import { actionFailure, type ActionFailure } from '@/lib/forms/action-result';

export type CreateBookingResult = { ok: true; id: string; reference: string } | ActionFailure;

export async function createBookingAction(input: unknown): Promise<CreateBookingResult> {
  try {
    const request = parseInput(staffRequestSchema, input);
    const booking = await createStaffRequest(await getDb(), await currentActor(), request);
    revalidatePath('/bookings');
    return { ok: true, id: booking.id, reference: booking.reference };
  } catch (error) {
    const wanted = typeof input === 'object' && input !== null ? (input as { resourceId?: unknown }).resourceId : undefined;
    return actionFailure(error, typeof wanted === 'string' ? wanted : undefined);
  }
}
