/**
 * How a reply finds its booking. Every mail about a booking carries
 *   Message-ID: <booking.{bookingId}.{outboxId}@{domain}>
 *   Reply-To:   {local}+{bookingId}@{domain}
 * so a reply is matched by its In-Reply-To/References (clients keep those) or, when a client
 * drops them, by the plus address it was sent to.
 */
import { mailDomain, replyLocalPart } from './config';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function bookingMessageId(bookingId: string, outboxId: string): string {
  return `<booking.${bookingId}.${outboxId}@${mailDomain()}>`;
}

export function bookingReplyAddress(bookingId: string): string {
  return `${replyLocalPart()}+${bookingId}@${mailDomain()}`;
}

/*
 * The domain is not compared when reading: the ids are random UUIDs, a reply to a mail sent
 * before MAIL_DOMAIN changed should still count, and what guards a booking is the sender check.
 */

/** The booking id named by one of our Message-IDs, or undefined. */
export function bookingIdFromMessageId(messageId: string): string | undefined {
  const match = new RegExp(`^<?booking\\.(${UUID})\\.${UUID}@[^>]+>?$`, 'i').exec(messageId.trim());
  return match?.[1].toLowerCase();
}

/** The booking id named by our plus address (`reply+{id}@domain`), or undefined. */
export function bookingIdFromReplyAddress(address: string): string | undefined {
  const local = address.trim().toLowerCase().split('@')[0];
  const match = new RegExp(`^${escapeRegExp(replyLocalPart())}\\+(${UUID})$`).exec(local);
  return match?.[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
