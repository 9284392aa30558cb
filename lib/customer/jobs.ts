/**
 * Scheduled work of the customer channel, run by the cron route and the in-process scheduler
 * (lib/jobs) as the system.
 *
 * The confirmation notices need no job: confirmBooking (lib/booking/applicant.ts) queues the
 * customer's `confirmed` mail (details again, with the .ics) and the service mailbox's
 * `service_confirmed` notice in the confirming transaction.
 */
import { and, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingEvents, bookings } from '@/db/schema';
import { SYSTEM } from '@/lib/authz';
import { recordEvents } from '@/lib/booking/events';
import { notifyEach } from '@/lib/mail/notify-bulk';
import { getSettings } from '@/lib/settings';

/**
 * The visit reminder (product rule 8): `visit_reminder_hours` before the start of a confirmed
 * customer booking, once per start time (a moved booking is reminded of its new time). None when
 * the customer confirmed inside that window: the confirmation mail has just said the same.
 *
 * Set-based: one SELECT finds every due booking not yet reminded of its start, one INSERT per
 * thousand writes the `visit_reminder` events, and the mails are queued in a few multi-row
 * INSERTs. What marks a booking reminded is its event, which no row lock can claim; so runs of
 * this job take turns on a transaction-scoped advisory lock, and a run that finds another one
 * busy leaves the work to it (it reminds everything due). The outbox's dedupe key (the start time
 * is the occasion) would stop a second mail in any case.
 */
const HOUR = 3_600_000;

export async function sendVisitReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const { visitReminderHours } = await getSettings(db);
  if (visitReminderHours <= 0) return { sent: 0 };
  const lead = sql`make_interval(hours => ${visitReminderHours})`;
  const occasion = sql`to_char(${bookings.startAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const due = and(
    eq(bookings.requesterKind, 'customer'),
    eq(bookings.status, 'confirmed'),
    gt(bookings.startAt, now),
    lte(bookings.startAt, new Date(now.getTime() + visitReminderHours * HOUR)),
    lte(sql`${bookings.confirmedAt} + ${lead}`, bookings.startAt),
    notExists(
      db
        .select({ one: sql`1` })
        .from(bookingEvents)
        .where(
          and(
            eq(bookingEvents.bookingId, bookings.id),
            eq(bookingEvents.action, 'visit_reminder'),
            eq(sql`${bookingEvents.data} ->> 'startAt'`, occasion),
          ),
        ),
    ),
  );
  return db.transaction(async (tx) => {
    const [{ ours }] = await tx
      .select({ ours: sql<boolean>`pg_try_advisory_xact_lock(hashtext('send-visit-reminders'))` })
      .from(sql`(select 1) as one`);
    if (!ours) return { sent: 0 };
    const rows = await tx.select({ id: bookings.id, startAt: bookings.startAt }).from(bookings).where(due);
    await recordEvents(
      tx,
      rows.map((row) => ({
        bookingId: row.id,
        fromStatus: 'confirmed',
        toStatus: 'confirmed',
        action: 'visit_reminder',
        actor: SYSTEM,
        data: { startAt: row.startAt.toISOString() },
      })),
    );
    await notifyEach(
      tx,
      'visit_reminder',
      rows.map((row) => row.id),
    );
    return { sent: rows.length };
  });
}
