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
import { isDomainError } from '@/lib/errors';
import { recordEvent } from './events';
import { authorizeSystem, runTransition, step } from './transition';

const HOUR = 3_600_000;

const awaiting = () => eq(bookings.status, 'awaiting_confirmation');
const due = (now: Date) => and(awaiting(), lte(bookings.confirmDeadline, now));

/**
 * awaiting_confirmation past its deadline → expired (视为自动放弃), each through the transition
 * engine as the system. The slot is free the moment its transaction commits; the applicant is
 * told. A booking confirmed (or expired by another instance) meanwhile is skipped.
 */
export async function expireUnconfirmed(db: Db, now: Date = new Date()): Promise<{ expired: number }> {
  const candidates = await db.select({ id: bookings.id }).from(bookings).where(due(now));
  let expired = 0;
  for (const { id } of candidates) {
    try {
      await runTransition(db, {
        ...step('expire'),
        bookingId: id,
        now,
        authorize: authorizeSystem,
        guard: lte(bookings.confirmDeadline, now),
        set: () => ({ statusReason: 'expired' }),
        notify: [{ kind: 'expired' }],
      });
      expired++;
    } catch (error) {
      if (!(isDomainError(error) && error.code === 'invalid_transition')) throw error;
    }
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
