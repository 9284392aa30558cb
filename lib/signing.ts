/**
 * Keyed signatures for values the app hands out and must recognise when they come back: the
 * reply address and Message-ID of booking e-mails, and the link tokens of e-mail links (derived
 * from their row's id at send time, lib/tokens.ts), and the secret calendar-feed URLs
 * (lib/feeds/feeds.ts). Each use has its own key derived from
 * AUTH_SECRET, so a signature made for one use is worthless for another; every instance that
 * shares AUTH_SECRET recognises the others' signatures.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from './env';

export type SigningPurpose = 'reply-address' | 'message-id' | 'link-token' | 'feed-token';

/** Hex characters kept: 96 bits, beyond guessing through a mail server. */
export const SIGNATURE_LENGTH = 24;

function keyFor(purpose: SigningPurpose): Buffer {
  return createHmac('sha256', authSecret()).update(`resource-booking/${purpose}`).digest();
}

/** The signature of `value` for `purpose` (lower-case hex, so it survives case-folding mail servers). */
export function sign(purpose: SigningPurpose, value: string): string {
  return createHmac('sha256', keyFor(purpose)).update(value).digest('hex').slice(0, SIGNATURE_LENGTH);
}

/** The full 256-bit MAC of `value` for `purpose`, base64url (43 characters). */
export function mac(purpose: SigningPurpose, value: string): string {
  return createHmac('sha256', keyFor(purpose)).update(value).digest('base64url');
}

/** Whether `signature` is the one `sign` gives; compared in constant time. */
export function hasValidSignature(purpose: SigningPurpose, value: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, value));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
