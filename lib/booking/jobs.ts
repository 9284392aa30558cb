/**
 * Scheduled work of the confirmation window (product rule 7), run by the cron routes as the
 * system, set-based: one UPDATE claims every due booking (`FOR UPDATE SKIP LOCKED`, so a second
 * instance running the job at the same moment skips what the first holds and, once that commits,
 * no longer finds it due) and writes the audit events in the same statement, and the applicants'
 * e-mails go through the outbox under its dedupe keys (lib/booking/bulk-transition.ts).
 */
import { and, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings } from '@/db/schema';
import { notifyEach } from '@/lib/mail/notify-bulk';
import { getSettings } from '@/lib/settings';
import { claimWithEvents, runBulkTransition } from './bulk-transition';
import { TRANSITIONS } from './state';

const HOUR = 3_600_000;

/**
 * awaiting_confirmation past its deadline → expired (视为自动放弃). The slots are free the
 * moment the run commits; each applicant is told. A booking confirmed (or expired by another
 * instance) meanwhile is not claimed.
 */
export async function expireUnconfirmed(db: Db, now: Date = new Date()): Promise<{ expired: number }> {
  const rows = await runBulkTransition(db, {
    action: 'expire',
    now,
    due: lte(bookings.confirmDeadline, now),
    set: { statusReason: 'expired' },
    notify: ['expired'],
  });
  return { expired: rows.length };
}

/**
 * One reminder per approval, `confirmation_reminder_hours` before the deadline, while still
 * unconfirmed. No reminder when the window was shorter than that: the approval e-mail has just
 * said the same. The claim is the reminder's timestamp; the dedupe key names the deadline, so a
 * new approval may remind again.
 */
export async function sendConfirmationReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const { confirmationReminderHours } = await getSettings(db);
  if (confirmationReminderHours <= 0) return { sent: 0 };
  // The reminder asks for the confirmation: due while confirming is still allowed.
  const { from } = TRANSITIONS.confirm;
  const dueForReminder = and(
    inArray(bookings.status, [...from]),
    isNull(bookings.confirmationReminderSentAt),
    gt(bookings.confirmDeadline, now),
    lte(bookings.confirmDeadline, new Date(now.getTime() + confirmationReminderHours * HOUR)),
    gt(bookings.confirmDeadline, sql`${bookings.approvedAt} + make_interval(hours => ${confirmationReminderHours})`),
  )!;
  return db.transaction(async (tx) => {
    const rows = await claimWithEvents(tx, {
      where: dueForReminder,
      set: { confirmationReminderSentAt: now },
      event: { action: 'confirmation_reminder' },
    });
    await notifyEach(
      tx,
      'confirmation_reminder',
      rows.map((row) => row.id),
    );
    return { sent: rows.length };
  });
}
