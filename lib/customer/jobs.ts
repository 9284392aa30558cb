/**
 * Scheduled work of the customer channel, run by the cron route and the in-process scheduler
 * (lib/jobs) as the system.
 *
 * The confirmation notices need no job: confirmBooking (lib/booking/applicant.ts) queues the
 * customer's `confirmed` mail (details again, with the .ics) and the service mailbox's
 * `service_confirmed` notice in the confirming transaction.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingEvents, bookings } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { recordEvent } from '@/lib/booking/events';
import { notify } from '@/lib/mail/notify';
import { getSettings } from '@/lib/settings';

/**
 * The visit reminder (product rule 8): `visit_reminder_hours` before the start of a confirmed
 * customer booking, once per start time (a moved booking is reminded of its new time). None when
 * the customer confirmed inside that window: the confirmation mail has just said the same.
 *
 * Two runners at once: each booking is claimed under its row lock, and the `visit_reminder`
 * event written with the mail is what the second runner finds; the outbox's dedupe key (the
 * start time is the occasion) would stop a second mail in any case.
 */
const HOUR = 3_600_000;

export async function sendVisitReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const { visitReminderHours } = await getSettings(db);
  if (visitReminderHours <= 0) return { sent: 0 };
  const lead = sql`make_interval(hours => ${visitReminderHours})`;
  const due = and(
    eq(bookings.requesterKind, 'customer'),
    eq(bookings.status, 'confirmed'),
    gt(bookings.startAt, now),
    lte(bookings.startAt, new Date(now.getTime() + visitReminderHours * HOUR)),
    lte(sql`${bookings.confirmedAt} + ${lead}`, bookings.startAt),
  );
  const candidates = await db.select({ id: bookings.id }).from(bookings).where(due);
  let sent = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [booking] = await tx
        .select({ id: bookings.id, startAt: bookings.startAt })
        .from(bookings)
        .where(and(eq(bookings.id, id), due))
        .for('update');
      if (!booking) return false;
      const occasion = booking.startAt.toISOString();
      const [reminded] = await tx
        .select({ id: bookingEvents.id })
        .from(bookingEvents)
        .where(
          and(
            eq(bookingEvents.bookingId, id),
            eq(bookingEvents.action, 'visit_reminder'),
            eq(sql`${bookingEvents.data} ->> 'startAt'`, occasion),
          ),
        )
        .limit(1);
      if (reminded) return false;
      await recordEvent(tx, {
        bookingId: id,
        fromStatus: 'confirmed',
        toStatus: 'confirmed',
        action: 'visit_reminder',
        actor: SYSTEM,
        data: { startAt: occasion },
      });
      return (await notify(tx, 'visit_reminder', id, { occasion })) > 0;
    });
    if (done) sent++;
  }
  return { sent };
}
