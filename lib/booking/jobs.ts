/**
 * Scheduled work of the confirmation window (product rule 7), run by the cron routes as the
 * system. Two instances may run a job at the same moment: each booking is claimed by its own
 * conditional UPDATE (the loser of the row lock sees the new state and updates nothing), and
 * the outbox's dedupe key stops a second e-mail in any case.
 */
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { notify } from '@/lib/mail/notify';
import { getSettings } from '@/lib/settings';
import { recordEvent } from './events';
import { TRANSITIONS } from './state';

const HOUR = 3_600_000;

const awaiting = () => eq(bookings.status, 'awaiting_confirmation');
const due = (now: Date) => and(awaiting(), lte(bookings.confirmDeadline, now));

/**
 * awaiting_confirmation past its deadline → expired (视为自动放弃). The slot is free the moment
 * the transaction commits; the applicant is told.
 */
export async function expireUnconfirmed(db: Db, now: Date = new Date()): Promise<{ expired: number }> {
  const candidates = await db.select({ id: bookings.id }).from(bookings).where(due(now));
  let expired = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(bookings)
        .set({ status: TRANSITIONS.expire.to, statusReason: 'expired', updatedAt: now, version: sql`${bookings.version} + 1` })
        .where(and(eq(bookings.id, id), due(now)))
        .returning({ id: bookings.id });
      if (!row) return false;
      await recordEvent(tx, {
        bookingId: id,
        fromStatus: 'awaiting_confirmation',
        toStatus: TRANSITIONS.expire.to,
        action: 'expire',
        actor: SYSTEM,
      });
      await notify(tx, 'expired', id);
      return true;
    });
    if (done) expired++;
  }
  return { expired };
}

/**
 * One reminder per approval, `confirmation_reminder_hours` before the deadline, while still
 * unconfirmed. No reminder when the window was shorter than that: the approval e-mail has just
 * said the same. The dedupe key names the deadline, so a new approval may remind again.
 */
export async function sendConfirmationReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const { confirmationReminderHours } = await getSettings(db);
  if (confirmationReminderHours <= 0) return { sent: 0 };
  const dueForReminder = and(
    awaiting(),
    isNull(bookings.confirmationReminderSentAt),
    gt(bookings.confirmDeadline, now),
    lte(bookings.confirmDeadline, new Date(now.getTime() + confirmationReminderHours * HOUR)),
    gt(bookings.confirmDeadline, sql`${bookings.approvedAt} + make_interval(hours => ${confirmationReminderHours})`),
  );
  const candidates = await db.select({ id: bookings.id }).from(bookings).where(dueForReminder);
  let sent = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(bookings)
        .set({ confirmationReminderSentAt: now })
        .where(and(eq(bookings.id, id), dueForReminder))
        .returning({ deadline: bookings.confirmDeadline });
      if (!row) return false;
      await recordEvent(tx, {
        bookingId: id,
        fromStatus: 'awaiting_confirmation',
        toStatus: 'awaiting_confirmation',
        action: 'confirmation_reminder',
        actor: SYSTEM,
      });
      await notify(tx, 'confirmation_reminder', id, { occasion: row.deadline?.toISOString() });
      return true;
    });
    if (done) sent++;
  }
  return { sent };
}
