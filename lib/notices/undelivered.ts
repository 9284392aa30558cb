/**
 * Admin's view of group-bot notices that did not go out: given up on (dead) and those still
 * failing (waiting for another attempt after an error), on the admin mail page beside the
 * e-mail dead letters, newest failure first, a page at a time. What is shown is the notice and
 * the platform's answer — never the webhook address or the secret.
 */
import { and, count, desc, eq, gt, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { noticeOutbox, notificationChannels, type BotKind } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { DomainError } from '@/lib/errors';
import { MAIL_PAGE_SIZE } from '@/lib/mail/outbox-admin';

export interface FailedNotice {
  id: string;
  status: 'pending' | 'dead';
  channelName: string;
  channelKind: BotKind;
  event: string;
  title: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

export interface NoticePage {
  rows: FailedNotice[];
  page: number;
  pageCount: number;
  total: number;
}

const failed = or(eq(noticeOutbox.status, 'dead'), and(eq(noticeOutbox.status, 'pending'), gt(noticeOutbox.attempts, 0)));

export async function listFailedNotices(db: Db, actor: Actor, query: { page?: number } = {}): Promise<NoticePage> {
  requireAdmin(actor);
  const [{ total }] = await db.select({ total: count() }).from(noticeOutbox).where(failed);
  const pageCount = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const wanted = Number.isFinite(query.page) ? Math.trunc(query.page!) : 1;
  const page = Math.min(Math.max(1, wanted), pageCount);
  const rows = await db
    .select({
      id: noticeOutbox.id,
      status: noticeOutbox.status,
      channelName: notificationChannels.name,
      channelKind: notificationChannels.kind,
      event: noticeOutbox.event,
      title: noticeOutbox.title,
      attempts: noticeOutbox.attempts,
      nextAttemptAt: noticeOutbox.nextAttemptAt,
      lastError: noticeOutbox.lastError,
    })
    .from(noticeOutbox)
    .innerJoin(notificationChannels, eq(notificationChannels.id, noticeOutbox.channelId))
    .where(failed)
    .orderBy(desc(noticeOutbox.nextAttemptAt), desc(noticeOutbox.id))
    .limit(MAIL_PAGE_SIZE)
    .offset((page - 1) * MAIL_PAGE_SIZE);
  return { rows: rows as FailedNotice[], page, pageCount, total };
}

/** A dead notice goes back in the queue with a fresh set of attempts, due now. */
export async function retryDeadNotice(db: Db, actor: Actor, noticeId: string, now: Date = new Date()): Promise<void> {
  requireAdmin(actor);
  if (!isUuid(noticeId)) throw new DomainError('not_found');
  const [row] = await db
    .update(noticeOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(noticeOutbox.id, noticeId), eq(noticeOutbox.status, 'dead')))
    .returning({ id: noticeOutbox.id });
  if (!row) throw new DomainError('not_found');
}
