'use server';

/**
 * The service desk's small forms: recording that a customer was told (policy III.3), and
 * marking an important customer or special needs. Each reads the form, gets the actor and calls
 * the customer domain, which checks the role again; success goes back to the page it came from.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { V } from '@/lib/customer/schemas';
import { markImportant, recordCustomerContact } from '@/lib/customer/service-desk';
import { DomainError } from '@/lib/errors';
import { localizeError } from '@/lib/i18n/error-message';
import { getSettings } from '@/lib/settings';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';

export type DeskFormState = {
  error: string;
  /** Message keys by field (translated by the form). */
  fields?: Record<string, string[]>;
  values: Record<string, string>;
} | null;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Where to go back to: a desk page only (the value comes from the form). */
function deskPath(value: string, fallback: string): string {
  return /^\/desk(\/[\w-]+)*$/.test(value) ? value : fallback;
}

const REFERENCE = /^BK-\d{4}-\d{6}$/;

function revalidateDesk(bookingId: string) {
  revalidatePath('/desk');
  revalidatePath('/desk/notify');
  revalidatePath(`/desk/bookings/${bookingId}`);
}

/** Records how and when the customer was told; the datetime field is the organisation's wall clock. */
export async function recordContactAction(_prev: DeskFormState, form: FormData): Promise<DeskFormState> {
  const bookingId = text(form, 'bookingId');
  const values = { method: text(form, 'method'), contactedAt: text(form, 'contactedAt'), note: text(form, 'note') };
  try {
    const db = await getDb();
    const { timeZone } = await getSettings(db);
    const wall = splitWallClock(values.contactedAt.trim());
    const contactedAt = wall ? instantOf(wall.day, wall.clock, timeZone) : null;
    if (!contactedAt) {
      throw new DomainError('invalid_input', undefined, {
        fields: { contactedAt: [values.contactedAt ? V.invalid_date : V.required] },
      });
    }
    await recordCustomerContact(db, await currentActor(), {
      bookingId,
      method: values.method as 'phone' | 'email',
      contactedAt,
      note: values.note,
    });
  } catch (error) {
    const { message, fields } = await localizeError(error);
    return { error: message, fields, values };
  }
  revalidateDesk(bookingId);
  const reference = text(form, 'reference');
  const back = deskPath(text(form, 'returnTo'), '/desk/notify');
  redirect(`${back}?recorded=${REFERENCE.test(reference) ? reference : '1'}`);
}

/** Important customer and special needs, which the review dashboard shows. */
export async function markImportantAction(_prev: DeskFormState, form: FormData): Promise<DeskFormState> {
  const bookingId = text(form, 'bookingId');
  const values = { importantCustomer: form.get('importantCustomer') === 'on' ? 'on' : '', specialNeeds: text(form, 'specialNeeds') };
  try {
    await markImportant(await getDb(), await currentActor(), {
      bookingId,
      importantCustomer: values.importantCustomer === 'on',
      specialNeeds: values.specialNeeds,
    });
  } catch (error) {
    const { message, fields } = await localizeError(error);
    return { error: message, fields, values };
  }
  revalidateDesk(bookingId);
  redirect(`/desk/bookings/${encodeURIComponent(bookingId)}?saved=1`);
}
