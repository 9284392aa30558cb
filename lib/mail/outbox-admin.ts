/**
 * Admin's view of mail that has not gone out: given up on (dead letters) and still queued, each
 * a list of its own, a page at a time — dead letters can never be pushed out of sight by a long
 * queue. Dead letters newest first (the freshest failures matter most); the queue in sending
 * order.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, emailOutbox } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/booking/ids';

export type UndeliveredStatus = 'pending' | 'dead';

export interface UndeliveredMail {
  id: string;
  status: UndeliveredStatus;
  to: string;
  template: string;
  bookingId: string | null;
  reference: string | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

export interface MailPage {
  rows: UndeliveredMail[];
  /** 1-based; a page past the end is answered with the last one. */
  page: number;
  pageCount: number;
  total: number;
}

export const MAIL_PAGE_SIZE = 50;

export async function listUndeliveredMail(
  db: Db,
  actor: Actor,
  query: { status: UndeliveredStatus; page?: number; pageSize?: number },
): Promise<MailPage> {
  requireAdmin(actor);
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize ?? MAIL_PAGE_SIZE)), 200);
  const [{ total }] = await db.select({ total: count() }).from(emailOutbox).where(eq(emailOutbox.status, query.status));
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const wanted = Number.isFinite(query.page) ? Math.trunc(query.page!) : 1;
  const page = Math.min(Math.max(1, wanted), pageCount);
  const order =
    query.status === 'dead'
      ? [desc(emailOutbox.nextAttemptAt), desc(emailOutbox.id)]
      : [asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id)];
  const rows = await db
    .select({
      id: emailOutbox.id,
      status: emailOutbox.status,
      to: emailOutbox.toAddress,
      template: emailOutbox.template,
      bookingId: emailOutbox.bookingId,
      reference: bookings.reference,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .leftJoin(bookings, eq(bookings.id, emailOutbox.bookingId))
    .where(eq(emailOutbox.status, query.status))
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows: rows as UndeliveredMail[], page, pageCount, total };
}

/** A dead message goes back in the queue with a fresh set of attempts, due now. */
export async function retryDeadMail(db: Db, actor: Actor, outboxId: string, now: Date = new Date()): Promise<void> {
  requireAdmin(actor);
  if (!isUuid(outboxId)) throw new DomainError('not_found');
  const [row] = await db
    .update(emailOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'dead')))
    .returning({ id: emailOutbox.id });
  if (!row) throw new DomainError('not_found');
}
