/**
 * Replies to booking e-mails ("确认" / "confirm" / "取消" / "no"), fed in as raw RFC 822 by the
 * inbound route (a provider webhook or scripts/smtp-inbound.ts) or by the dev mailbox.
 *
 * The booking is found by our Message-ID in In-Reply-To/References, else by the plus address
 * (reply+{bookingId}@…) the reply was sent to. The sender must be the applicant's address (the
 * one the booking's mail goes to); the MTA or provider in front is trusted to have checked
 * that the From is not forged (SPF/DKIM/DMARC). The decision goes through the same domain
 * functions as the buttons, acting as the system on the applicant's behalf; anything unclear
 * changes nothing, is recorded on the booking and sent to admin.
 */
import { and, eq, sql } from 'drizzle-orm';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import type { Db } from '@/db';
import { bookingEvents, bookings, type Booking } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { confirmBooking, declineBooking } from '@/lib/booking/applicant';
import { recordEvent, type EventActor } from '@/lib/booking/events';
import { isDomainError } from '@/lib/errors';
import { bookingIdFromMessageId, bookingIdFromReplyAddress } from './addresses';
import { mailFrom } from './config';
import { applicantRecipient, notify } from './notify';
import { readDecision } from './reply-parsing';

export type InboundOutcome = 'confirmed' | 'declined' | 'unrecognized' | 'unknown_booking' | 'wrong_sender' | 'ignored';

export interface InboundResult {
  outcome: InboundOutcome;
  bookingId?: string;
  /** Why a reply was ignored: `auto_reply`, `duplicate`, or the domain error code that refused it. */
  reason?: string;
}

export async function handleInboundEmail(db: Db, raw: string | Buffer, opts: { now?: Date } = {}): Promise<InboundResult> {
  const mail = await simpleParser(raw);
  if (isAutomatic(mail)) return { outcome: 'ignored', reason: 'auto_reply' };

  const booking = await findBooking(db, mail);
  if (!booking) return { outcome: 'unknown_booking' };
  const bookingId = booking.id;
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  // A provider may post the same message twice; act on it once.
  const messageId = mail.messageId ?? null;
  if (messageId && (await alreadyHandled(db, bookingId, messageId))) return { outcome: 'ignored', bookingId, reason: 'duplicate' };

  const applicant = await applicantRecipient(db, booking);
  const replyActor: EventActor = { kind: 'email_reply', userId: booking.requesterUserId };
  if (!applicant || applicant.email.toLowerCase() !== from) {
    await recordEvent(db, {
      ...noteOn(booking, 'email_reply_wrong_sender'),
      actor: SYSTEM,
      note: from || null,
      data: { from, messageId },
    });
    return { outcome: 'wrong_sender', bookingId };
  }

  const { decision, excerpt } = readDecision(mail.text ?? '');
  if (decision) {
    try {
      if (decision === 'confirm') {
        await confirmBooking(db, SYSTEM, { bookingId }, { now: opts.now, viaEmailReply: true });
        return { outcome: 'confirmed', bookingId };
      }
      await declineBooking(db, SYSTEM, { bookingId }, { now: opts.now, viaEmailReply: true });
      return { outcome: 'declined', bookingId };
    } catch (error) {
      // Too late (deadline passed) or no longer awaiting confirmation: nothing to change.
      if (!isDomainError(error)) throw error;
      await recordEvent(db, {
        ...noteOn(booking, 'email_reply_not_applied'),
        actor: replyActor,
        note: excerpt,
        data: { from, messageId, decision, code: error.code },
      });
      return { outcome: 'ignored', bookingId, reason: error.code };
    }
  }

  await db.transaction(async (tx) => {
    await recordEvent(tx, {
      ...noteOn(booking, 'email_reply_unrecognized'),
      actor: replyActor,
      note: excerpt,
      data: { from, messageId },
    });
    await notify(tx, 'reply_unrecognized', bookingId, { from, excerpt, occasion: messageId ?? `${Date.now()}` });
  });
  return { outcome: 'unrecognized', bookingId };
}

/** An audit note that leaves the status as it is. */
function noteOn(booking: Booking, action: string) {
  return { bookingId: booking.id, fromStatus: booking.status, toStatus: booking.status, action };
}

/** Out-of-office answers, bounces and our own mail looping back must not count as replies. */
function isAutomatic(mail: ParsedMail): boolean {
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (/^(bulk|junk|list|auto_reply)$/.test(header('precedence'))) return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return true;
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (!from || /^(mailer-daemon|postmaster)@/.test(from)) return true;
  const ours = addressparser(mailFrom(), { flatten: true })[0]?.address?.toLowerCase();
  return from === ours;
}

async function findBooking(db: Db, mail: ParsedMail): Promise<Booking | undefined> {
  const referenced = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()]
    .flatMap((value) => value.split(/\s+/))
    .filter(Boolean);
  const addressed = [mail.to, mail.cc]
    .flatMap((a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []))
    .flatMap((a) => a.value.map((v) => v.address ?? ''));
  const deliveredTo = [mail.headers.get('delivered-to'), mail.headers.get('x-original-to')]
    .flat()
    .filter((v): v is string => typeof v === 'string');
  const ids = [
    ...referenced.map(bookingIdFromMessageId),
    ...[...addressed, ...deliveredTo].map(bookingIdFromReplyAddress),
  ].filter((id): id is string => Boolean(id));
  for (const id of new Set(ids)) {
    const [booking] = await db.select().from(bookings).where(eq(bookings.id, id));
    if (booking) return booking;
  }
  return undefined;
}

async function alreadyHandled(db: Db, bookingId: string, messageId: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: bookingEvents.id })
    .from(bookingEvents)
    .where(and(eq(bookingEvents.bookingId, bookingId), sql`${bookingEvents.data}->>'messageId' = ${messageId}`))
    .limit(1);
  return Boolean(seen);
}
