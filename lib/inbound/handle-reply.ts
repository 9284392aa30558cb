/**
 * Replies to booking e-mails ("确认" / "confirm" / "取消" / "no"), fed in as raw RFC 822 by the
 * inbound route (a provider webhook or scripts/smtp-inbound.ts) or by the dev mailbox. Its own
 * use case: it reads the mail, then calls the booking domain (lib/booking) and the outbox
 * (lib/mail) like any other caller.
 *
 * The booking is found by our signed Message-ID in In-Reply-To/References, else by the signed
 * plus address (reply+{bookingId}.{signature}@…) the reply was sent to (lib/mail/addresses.ts).
 * A reply that names a booking only without a valid signature is ignored and recorded for admin
 * (lib/inbound/refusals.ts). The sender must also be the applicant's address (the one the
 * booking's mail goes to); the MTA or provider in front is trusted to have checked that the From
 * is not forged (SPF/DKIM/DMARC). The decision goes through the same domain functions as the
 * buttons, acting as the system on the applicant's behalf; anything unclear changes nothing, is
 * recorded on the booking and sent to admin. While a booking needs information, whatever the
 * applicant writes (quoted history and signature cut) is their answer: it supplements the
 * booking, which goes back to review, as the form on the booking page or manage link does.
 */
import { createHash } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import type { Db } from '@/db';
import { bookingEvents, bookings, emailOutbox, type Booking } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { recordEvent, type EventActor } from '@/lib/booking/events';
import { confirmOtherOccurrences } from '@/lib/booking/series/actions';
import { DomainError, isDomainError } from '@/lib/errors';
import { readMessageId, readReplyAddress, type BookingReference } from '@/lib/mail/addresses';
import { mailFrom } from '@/lib/mail/config';
import { applicantRecipient, notify } from '@/lib/mail/notify';
import { recordRefusedReply, type RefusalReason } from './refusals';
import { readDecision, visibleReply } from './reply-parsing';

export type InboundOutcome =
  | 'confirmed'
  | 'declined'
  /** A needs-information booking: the reply's text became the supplement, back to pending. */
  | 'supplemented'
  | 'unrecognized'
  | 'unknown_booking'
  /** Named a booking without a valid signature: ignored, recorded for admin. */
  | 'refused'
  | 'wrong_sender'
  | 'ignored';

export interface InboundResult {
  outcome: InboundOutcome;
  bookingId?: string;
  /**
   * Why a reply was ignored or refused: `auto_reply`, `duplicate`, `unsigned`, `bad_signature`,
   * or the domain error code that refused it.
   */
  reason?: string;
}

export async function handleInboundEmail(db: Db, raw: string | Buffer, opts: { now?: Date } = {}): Promise<InboundResult> {
  const mail = await simpleParser(raw);
  if (isAutomatic(mail)) return { outcome: 'ignored', reason: 'auto_reply' };

  const found = await findBooking(db, mail);
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (found.kind === 'none') return { outcome: 'unknown_booking' };
  if (found.kind === 'unsigned') {
    const bookingId = await recordRefusedReply(db, { reason: found.reason, from, mail, bookingId: found.bookingId });
    return { outcome: 'refused', reason: found.reason, ...(bookingId ? { bookingId } : {}) };
  }
  const booking = found.booking;
  const bookingId = booking.id;
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

  const answer = booking.status === 'needs_info' ? visibleReply(mail.text ?? '').slice(0, 2000) : '';
  if (answer) {
    try {
      await supplementBooking(
        db,
        SYSTEM,
        { bookingId, message: answer },
        { now: opts.now, viaEmailReply: true, ...(messageId && { replyMessageId: messageId }) },
      );
      return { outcome: 'supplemented', bookingId };
    } catch (error) {
      // Answered meanwhile on the page, or admin decided: the reply changes nothing.
      if (!isDomainError(error)) throw error;
      await recordEvent(db, {
        ...noteOn(booking, 'email_reply_not_applied'),
        actor: replyActor,
        note: answer.slice(0, 500),
        data: { from, messageId, code: error.code },
      });
      return { outcome: 'ignored', bookingId, reason: error.code };
    }
  }

  const { decision, excerpt } = readDecision(mail.text ?? '');
  if (decision) {
    try {
      if (decision === 'confirm' && booking.seriesId) {
        // A series is confirmed once: a reply to any of its mails confirms every approved date.
        const outcomes = await confirmOtherOccurrences(db, booking.seriesId, opts.now ?? new Date(), {
          viaEmailReply: true,
          ...(messageId && { replyMessageId: messageId }),
        });
        if (!outcomes.some((o) => o.status === 'confirmed')) {
          throw new DomainError(outcomes.find((o) => o.error)?.error?.code ?? 'invalid_transition');
        }
        return { outcome: 'confirmed', bookingId };
      }
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

  // One occasion per received message: a provider posting it twice gets one answer.
  const occasion = messageId ?? createHash('sha256').update(raw).digest('hex');
  await db.transaction(async (tx) => {
    await recordEvent(tx, {
      ...noteOn(booking, 'email_reply_unrecognized'),
      actor: replyActor,
      note: excerpt,
      data: { from, messageId },
    });
    await notify(tx, 'reply_unrecognized', bookingId, { from, excerpt, occasion });
    // The sender learns which words work and that the office reads it — but an auto-responder
    // that sends no Auto-Submitted header must not start a loop: a few answers a day at most.
    if ((await recentNotUnderstood(tx, bookingId)) < MAX_NOT_UNDERSTOOD_PER_DAY) {
      await notify(tx, 'reply_not_understood', bookingId, { occasion });
    }
  });
  return { outcome: 'unrecognized', bookingId };
}

const MAX_NOT_UNDERSTOOD_PER_DAY = 3;

/** Answers queued for the booking in the last day (by the database's clock, as `created_at`). */
async function recentNotUnderstood(db: Db, bookingId: string): Promise<number> {
  const [{ answers }] = await db
    .select({ answers: count() })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.bookingId, bookingId),
        eq(emailOutbox.template, 'reply-not-understood'),
        gt(emailOutbox.createdAt, sql`now() - interval '1 day'`),
      ),
    );
  return answers;
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

type Found =
  | { kind: 'booking'; booking: Booking }
  /** Our address or Message-ID shape, but no valid signature on any of them. */
  | { kind: 'unsigned'; bookingId: string; reason: RefusalReason }
  | { kind: 'none' };

async function findBooking(db: Db, mail: ParsedMail): Promise<Found> {
  const referenced = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()]
    .flatMap((value) => value.split(/\s+/))
    .filter(Boolean);
  const addressed = [mail.to, mail.cc]
    .flatMap((a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []))
    .flatMap((a) => a.value.map((v) => v.address ?? ''));
  const deliveredTo = [mail.headers.get('delivered-to'), mail.headers.get('x-original-to')]
    .flat()
    .filter((v): v is string => typeof v === 'string');
  const named = [...referenced.map(readMessageId), ...[...addressed, ...deliveredTo].map(readReplyAddress)].filter(
    (ref): ref is BookingReference => Boolean(ref),
  );
  // Only a signed reference counts; anyone can write an unsigned one with a booking's id.
  for (const id of new Set(named.filter((ref) => ref.signature === 'valid').map((ref) => ref.bookingId))) {
    const [booking] = await db.select().from(bookings).where(eq(bookings.id, id));
    if (booking) return { kind: 'booking', booking };
  }
  if (named.length === 0) return { kind: 'none' };
  const forged = named.find((ref) => ref.signature === 'wrong');
  return { kind: 'unsigned', bookingId: (forged ?? named[0]).bookingId, reason: forged ? 'bad_signature' : 'unsigned' };
}

async function alreadyHandled(db: Db, bookingId: string, messageId: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: bookingEvents.id })
    .from(bookingEvents)
    .where(and(eq(bookingEvents.bookingId, bookingId), sql`${bookingEvents.data}->>'messageId' = ${messageId}`))
    .limit(1);
  return Boolean(seen);
}
