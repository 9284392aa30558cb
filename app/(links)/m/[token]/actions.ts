'use server';

/**
 * The customer's link page buttons: confirm / decline an approval, cancel with a reason. The
 * token in the URL is the only credential; lib/booking/customer-link.ts resolves it to its one
 * booking and calls the booking domain as that customer. Success goes back to the page (a
 * fresh GET showing the new status); a refusal comes back as a message in the page's language.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { localizeFields } from '@/lib/api/errors';
import { customerCancel, customerConfirm, customerDecline } from '@/lib/booking/customer-link';
import { DomainError } from '@/lib/errors';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { localizeError } from '@/lib/i18n/error-message';

/** `fields`: messages already in the page's language (the page may differ from the browser's). */
export type ManageState = { error: string; fields?: Record<string, string[]>; reason?: string } | null;

export type ManageOutcome = 'confirmed' | 'declined' | 'cancelled';

const respondSchema = z.object({ decision: z.enum(['confirm', 'decline']) });

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

async function run(token: string, lang: string, reason: string, change: () => Promise<ManageOutcome>): Promise<ManageState> {
  let outcome: ManageOutcome;
  try {
    outcome = await change();
  } catch (error) {
    const known = error instanceof z.ZodError ? new DomainError('invalid_input') : error;
    const locale = isLocale(lang) ? lang : defaultLocale;
    const { message, fields } = await localizeError(known, locale);
    return { error: message, ...(fields && { fields: localizeFields(fields, locale) }), reason };
  }
  redirect(`/m/${encodeURIComponent(token)}?done=${outcome}`);
}

/**
 * Confirm or decline (two submit buttons of one form); a decline may give a reason. The token and
 * the page's language come as form fields rather than bound arguments: a bound action's refusal
 * never finished rendering when the form was posted without JavaScript (before hydration).
 */
export async function respondAction(_prev: ManageState, form: FormData): Promise<ManageState> {
  const [token, lang, reason] = [text(form, 'token'), text(form, 'locale'), text(form, 'reason')];
  return run(token, lang, reason, async () => {
    const { decision } = respondSchema.parse({ decision: form.get('decision') });
    const db = await getDb();
    if (decision === 'confirm') {
      await customerConfirm(db, token);
      return 'confirmed';
    }
    await customerDecline(db, token, { reason: reason.trim() === '' ? undefined : reason });
    return 'declined';
  });
}

/** Cancel, with the reason the policy asks for. */
export async function cancelAction(_prev: ManageState, form: FormData): Promise<ManageState> {
  const [token, lang, reason] = [text(form, 'token'), text(form, 'locale'), text(form, 'reason')];
  return run(token, lang, reason, async () => {
    await customerCancel(await getDb(), token, { reason });
    return 'cancelled';
  });
}
