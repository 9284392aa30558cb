/**
 * How a reply finds its booking. Every mail about a booking carries
 *   Message-ID: <booking.{bookingId}.{outboxId}.{signature}@{domain}>
 *   Reply-To:   {local}+{bookingId}.{signature}@{domain}
 * so a reply is matched by its In-Reply-To/References (clients keep those) or, when a client
 * drops them, by the plus address it was sent to. A booking's id is no secret (portal URLs show
 * it); the signatures — HMACs of the booking (and mail) keyed by the server secret, one key per
 * purpose (lib/signing.ts) — are what nobody outside can make, so only a reply to a mail we sent
 * names a booking.
 */
import { hasValidSignature, sign } from '@/lib/signing';
import { mailDomain, replyLocalPart } from './config';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A booking named by a Message-ID or reply address of ours, and whether its signature holds. */
export interface BookingReference {
  bookingId: string;
  signature: 'valid' | 'missing' | 'wrong';
}

export function bookingMessageId(bookingId: string, outboxId: string): string {
  return `<booking.${bookingId}.${outboxId}.${sign('message-id', `${bookingId}.${outboxId}`)}@${mailDomain()}>`;
}

export function bookingReplyAddress(bookingId: string): string {
  return `${replyLocalPart()}+${bookingId}.${sign('reply-address', bookingId)}@${mailDomain()}`;
}

/*
 * The domain is not compared when reading: a reply to a mail sent before MAIL_DOMAIN changed
 * should still count, and the signature is what guards a booking.
 */

/** The booking one of our Message-IDs names (signed or not), or undefined for any other. */
export function readMessageId(messageId: string): BookingReference | undefined {
  const match = new RegExp(`^<?booking\\.(${UUID})\\.(${UUID})(?:\\.([0-9a-z]+))?@[^>]+>?$`, 'i').exec(messageId.trim());
  if (!match) return undefined;
  const [bookingId, outboxId] = [match[1].toLowerCase(), match[2].toLowerCase()];
  return { bookingId, signature: checked('message-id', `${bookingId}.${outboxId}`, match[3]) };
}

function replyAddressMatch(address: string): RegExpExecArray | null {
  const local = address.trim().toLowerCase().split('@')[0];
  return new RegExp(`^${escapeRegExp(replyLocalPart())}\\+(${UUID})(?:\\.([0-9a-z]+))?$`).exec(local);
}

/** Whether the address has the shape of our reply address (without the secret to check it). */
export function isReplyAddress(address: string): boolean {
  return replyAddressMatch(address) !== null;
}

/** The booking our plus address (`reply+{id}.{signature}@domain`) names, or undefined. */
export function readReplyAddress(address: string): BookingReference | undefined {
  const match = replyAddressMatch(address);
  if (!match) return undefined;
  return { bookingId: match[1], signature: checked('reply-address', match[1], match[2]) };
}

function checked(purpose: 'message-id' | 'reply-address', value: string, signature: string | undefined) {
  if (!signature) return 'missing' as const;
  return hasValidSignature(purpose, value, signature) ? ('valid' as const) : ('wrong' as const);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
