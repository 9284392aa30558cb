'use server';

/**
 * The public booking form's submit: no session — the customer is anonymous. The client's
 * address for the per-address rate limit is read from the forwarding headers exactly as the
 * public API reads it (lib/api/client-ip.ts); the page's language becomes the language of the
 * customer's e-mails.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import type { BookingStatus } from '@/db/schema';
import { clientIp } from '@/lib/api/client-ip';
import { createPublicRequest } from '@/lib/customer/create-public';
import { actionFailure, type ActionFailure } from '@/lib/forms/action-result';
import { currentLocale } from '@/lib/i18n/server';

export type PublicRequestActionResult = { ok: true; reference: string; status: BookingStatus } | ActionFailure;

export async function createPublicRequestAction(input: unknown): Promise<PublicRequestActionResult> {
  try {
    const [db, requestHeaders, locale] = await Promise.all([getDb(), headers(), currentLocale()]);
    const { reference, status } = await createPublicRequest(db, input, { ip: clientIp(requestHeaders), locale });
    return { ok: true, reference, status };
  } catch (error) {
    const wanted = typeof input === 'object' && input !== null ? (input as { resourceId?: unknown }).resourceId : undefined;
    return actionFailure(error, typeof wanted === 'string' ? wanted : undefined);
  }
}
