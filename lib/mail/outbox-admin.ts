/** Admin's view of mail that has not gone out: queued (with the last error) and given up on. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, emailOutbox } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/booking/ids';

export interface UndeliveredMail {
  id: string;
  status: 'pending' | 'dead';
  to: string;
  template: string;
  bookingId: string | null;
  reference: string | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

export async function listUndeliveredMail(db: Db, actor: Actor, limit = 500): Promise<UndeliveredMail[]> {
  requireAdmin(actor);
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
    .where(inArray(emailOutbox.status, ['pending', 'dead']))
    .orderBy(asc(emailOutbox.status), asc(emailOutbox.nextAttemptAt))
    .limit(limit);
  return rows as UndeliveredMail[];
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
