/**
 * The overdue notice: an unfinished item whose due date (in the organisation's zone) has passed
 * is e-mailed to its owner department once. Set-based and idempotent: every due item is claimed
 * by one conditional UPDATE (`overdue_notified_at IS NULL`) in the transaction that records the
 * history and queues the mail, so a second run, or a second instance at the same moment (its
 * UPDATE waits for the first's row locks and then finds them claimed), finds nothing to do.
 * Moving the due date clears the claim (lib/rectifications/change.ts).
 */
import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { rectifications } from '@/db/schema';
import { dayInZone } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import { recordRectificationEvents } from './events';
import { mailOwners } from './owner-mail';
import { UNFINISHED_STATUSES } from './state';

export async function notifyOverdueRectifications(db: Db, now: Date = new Date()): Promise<{ rectificationsOverdue: number }> {
  const { timeZone } = await getSettings(db);
  const today = dayInZone(now, timeZone);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(rectifications)
      .set({ overdueNotifiedAt: now })
      .where(and(inArray(rectifications.status, [...UNFINISHED_STATUSES]), lt(rectifications.dueDate, today), isNull(rectifications.overdueNotifiedAt)))
      .returning({ id: rectifications.id, dueDate: rectifications.dueDate });
    for (const slice of chunks(claimed)) {
      await recordRectificationEvents(
        tx,
        slice.map((item) => ({ rectificationId: item.id, actor: null, action: 'overdue_notified' as const, data: { dueDate: item.dueDate }, at: now })),
      );
    }
    await mailOwners(tx, 'overdue', claimed.map((item) => item.id));
    return { rectificationsOverdue: claimed.length };
  });
}
