/**
 * The outbox worker: sends due e-mails with retries, so that a mail-server outage loses nothing
 * and nothing is sent twice.
 *
 * 1. Claim: one short statement takes up to `limit` due rows (`pending`, next attempt ≤ now)
 *    with `FOR UPDATE SKIP LOCKED` and moves their `next_attempt_at` forward by a lease. A second
 *    worker running at the same moment skips the locked rows, and once the statement commits
 *    the rows are no longer due — so no row is ever claimed by two workers.
 *    A row whose booking has an earlier mail still pending (in `seq` order) is not due: one
 *    booking's mails go out in the order they were queued, also across an outage — the later
 *    mail waits for the earlier one's retry. Claiming repeats until nothing more is due, so a
 *    mail freed by the one before it goes out in the same run.
 * 2. Send each claimed row outside any transaction (SMTP may be slow).
 * 3. Mark it `sent` (with its Message-ID), or schedule a retry with exponential backoff
 *    (1, 2, 4, 8 … minutes, at most an hour); after MAX_ATTEMPTS failures it is `dead` and
 *    shown to admin, who can retry it. A worker that dies mid-send leaves the row to be taken
 *    again when the lease runs out.
 * Without a configured transport in production nothing is attempted: rows stay pending with
 * the reason in `last_error`, and their attempts are not used up.
 */
import { and, eq, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { emailOutbox, type OutboxRow } from '@/db/schema';
import { bookingMessageId, bookingReplyAddress } from './addresses';
import { senderFor } from './config';
import { renderEmail } from './render';
import { MailNotConfiguredError, sendMail } from './transport';

export const MAX_ATTEMPTS = 10;
/** Longer than any one send may take (SMTP timeouts are shorter). */
const LEASE_MS = 5 * 60_000;
const NOT_CONFIGURED_RETRY_MS = 60_000;

export type DeliveryResult = {
  sent: number;
  /** Failed this time, retried later. */
  failed: number;
  /** Failed for the last time. */
  dead: number;
};

/** Minutes before attempt n+1 after n failures: 1, 2, 4, … capped at 60. */
export function backoffMs(failures: number): number {
  return Math.min(2 ** Math.max(failures - 1, 0), 60) * 60_000;
}

export async function deliverOutbox(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const result: DeliveryResult = { sent: 0, failed: 0, dead: 0 };
  let room = opts.limit ?? 50;
  while (room > 0) {
    // Claimed rows leave the due set (the lease), so every round takes new ones and this ends.
    const claimed = await claimDue(db, now, room);
    if (claimed.length === 0) break;
    room -= claimed.length;
    for (const row of claimed.sort((a, b) => a.seq - b.seq)) await deliverRow(db, row, now, result);
  }
  return result;
}

async function deliverRow(db: Db, row: OutboxRow, now: Date, result: DeliveryResult): Promise<void> {
  try {
    const messageId = await sendRow(row);
    await db
      .update(emailOutbox)
      .set({
        status: 'sent',
        sentAt: new Date(),
        messageId,
        lastError: null,
        // The links hold only token placeholders (lib/tokens.ts); once sent they serve nothing.
        payload: sql`${emailOutbox.payload} - 'links'`,
      })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'pending')));
    result.sent++;
  } catch (error) {
    if (error instanceof MailNotConfiguredError) {
      await db
        .update(emailOutbox)
        .set({ lastError: error.message, nextAttemptAt: new Date(now.getTime() + NOT_CONFIGURED_RETRY_MS) })
        .where(eq(emailOutbox.id, row.id));
      result.failed++;
      return;
    }
    const attempts = row.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    await db
      .update(emailOutbox)
      .set({
        attempts,
        status: dead ? 'dead' : 'pending',
        lastError: describe(error),
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
      })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'pending')));
    if (dead) result.dead++;
    else result.failed++;
  }
}

async function claimDue(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.transaction(async (tx) => {
    const earlier = alias(emailOutbox, 'earlier');
    const due = tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          lte(emailOutbox.nextAttemptAt, now),
          notExists(
            tx
              .select({ id: earlier.id })
              .from(earlier)
              .where(and(eq(earlier.bookingId, emailOutbox.bookingId), eq(earlier.status, 'pending'), lt(earlier.seq, emailOutbox.seq))),
          ),
        ),
      )
      .orderBy(emailOutbox.nextAttemptAt, emailOutbox.seq)
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(emailOutbox)
      .set({ nextAttemptAt: leaseUntil })
      .where(inArray(emailOutbox.id, due))
      .returning();
  });
}

/** Renders and sends one row; returns the Message-ID it went out with. */
async function sendRow(row: OutboxRow): Promise<string> {
  const mail = await renderEmail(row);
  const sent = await sendMail({
    from: senderFor(mail.senderName),
    to: row.toAddress,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    // A reply finds its booking by these (lib/mail/addresses.ts); the Message-ID is stable
    // across retries, so a receiving server can recognise a resend after a lost acknowledgement.
    ...(row.bookingId
      ? { messageId: bookingMessageId(row.bookingId, row.id), replyTo: bookingReplyAddress(row.bookingId) }
      : {}),
    ...(mail.ics ? { icalEvent: { method: mail.ics.method, filename: 'invite.ics', content: mail.ics.content } } : {}),
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return sent.messageId;
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; responseCode?: number };
  const parts = [e.code, e.responseCode, e.message ?? String(error)].filter(Boolean);
  return parts.join(' ').slice(0, 1000);
}
