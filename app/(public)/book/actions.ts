'use server';

/**
 * The public booking form's submit, and joining the waitlist for a taken slot: no session — the
 * customer is anonymous. The client's
 * address for the per-address rate limit is read exactly as the public API reads it
 * (lib/api/client-ip.ts); the page's language becomes the language of the
 * customer's e-mails.
 */
import { z } from 'zod';
import { clientIp } from '@/lib/api/client-ip';
import { createPublicRequest } from '@/lib/customer/create-public';
import { publicRequestSchema } from '@/lib/customer/schemas';
import { serverAction } from '@/lib/forms/server-action';
import { joinPublicWaitlist } from '@/lib/waitlist/public';

/**
 * The form's check before it sends (the page carries no zod): the request parsed with the same
 * schema, its messages by field. Nothing is stored and no rate limit is counted, so a typo costs
 * the customer none of their allowance; the request itself is parsed again when it is sent.
 */
export const checkPublicRequestAction = serverAction({
  access: 'public',
  input: publicRequestSchema,
  run: async () => {},
});

export const createPublicRequestAction = serverAction({
  access: 'public',
  // Any object: createPublicRequest counts the attempt against the rate limits first, then
  // checks the honeypot and parses with publicRequestSchema (malformed requests count too).
  input: z.record(z.string(), z.unknown()),
  run: async ({ db, locale, headers }, request) => {
    const { reference, status } = await createPublicRequest(db, request, { ip: clientIp(headers), locale });
    return { reference, status };
  },
});

/** "Put me on the waitlist" where the slot asked for is taken: the slot, with the name and address just typed in. */
export const joinPublicWaitlistAction = serverAction({
  access: 'public',
  input: z.record(z.string(), z.unknown()),
  run: async ({ db, locale, headers }, input) => {
    await joinPublicWaitlist(db, input, { ip: clientIp(headers), locale });
  },
  message: (t) => t('waitlist.joinedCustomer'),
});
