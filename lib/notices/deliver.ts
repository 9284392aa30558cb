/**
 * The group-bot outbox worker, on the e-mail outbox's pattern (lib/mail/deliver.ts): due rows are
 * claimed with FOR UPDATE SKIP LOCKED and a lease, posted outside any transaction, then marked
 * `sent` — or retried with the same backoff, and `dead` after MAX_ATTEMPTS, kept for admin with
 * the platform's answer. Two workers never post one row; a webhook that is down loses nothing.
 * The error kept is the platform's answer or the network failure, never the URL (its key is a
 * credential) or the secret.
 */
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { noticeOutbox, notificationChannels, type NoticeRow, type NotificationChannel } from '@/db/schema';
import { backoffMs, MAX_ATTEMPTS, type DeliveryResult } from '@/lib/mail/deliver';
import { webhookAccepted, webhookRequest } from './platforms';

const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

export async function deliverNotices(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const result: DeliveryResult = { sent: 0, failed: 0, dead: 0 };
  const claimed = await claimDue(db, now, opts.limit ?? 50);
  for (const { notice, channel } of claimed) {
    const outcome = channel.active ? await post(channel, notice, now) : 'channel switched off';
    if (outcome === true) {
      await db
        .update(noticeOutbox)
        .set({ status: 'sent', sentAt: new Date(), lastError: null, attempts: notice.attempts + 1 })
        .where(and(eq(noticeOutbox.id, notice.id), eq(noticeOutbox.status, 'pending')));
      result.sent++;
      continue;
    }
    const attempts = notice.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    await db
      .update(noticeOutbox)
      .set({ attempts, status: dead ? 'dead' : 'pending', lastError: outcome, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
      .where(and(eq(noticeOutbox.id, notice.id), eq(noticeOutbox.status, 'pending')));
    if (dead) result.dead++;
    else result.failed++;
  }
  return result;
}

async function claimDue(db: Db, now: Date, limit: number): Promise<{ notice: NoticeRow; channel: NotificationChannel }[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.transaction(async (tx) => {
    const due = tx
      .select({ id: noticeOutbox.id })
      .from(noticeOutbox)
      .where(and(eq(noticeOutbox.status, 'pending'), lte(noticeOutbox.nextAttemptAt, now)))
      .orderBy(noticeOutbox.nextAttemptAt, noticeOutbox.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx.update(noticeOutbox).set({ nextAttemptAt: leaseUntil }).where(inArray(noticeOutbox.id, due)).returning();
  });
  if (claimed.length === 0) return [];
  const channels = await db
    .select()
    .from(notificationChannels)
    .where(inArray(notificationChannels.id, [...new Set(claimed.map((n) => n.channelId))]));
  const byId = new Map(channels.map((c) => [c.id, c]));
  return claimed
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((notice) => ({ notice, channel: byId.get(notice.channelId)! }));
}

/** Posts one notice: true when the platform took it, else what to show admin. */
export async function post(channel: NotificationChannel, notice: Pick<NoticeRow, 'title' | 'body' | 'link'>, now = new Date()): Promise<true | string> {
  const request = webhookRequest(channel.kind, channel.webhookUrl, channel.secret, notice, now);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: request.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    return webhookAccepted(channel.kind, response.status, await response.text());
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    return `${e.name ?? 'Error'}${e.cause?.code ? ` ${e.cause.code}` : ''}`;
  }
}
