/**
 * The follow-up survey (policy II.3): `follow_up_survey_hours` after a customer's visit ended
 * (checked out, or the booking's end), the customer is e-mailed once, in the language they booked
 * in, a one-use link to a short survey.
 *
 * Set-based and safe on several instances: one SELECT finds every due booking without a survey,
 * one INSERT per thousand writes their survey rows, and the mails are queued in a few multi-row
 * INSERTs in the same transaction. The survey's unique `booking_id` is the claim: when two runs
 * pick the same bookings, the second one's INSERT waits for the first to commit and then writes
 * nothing (ON CONFLICT DO NOTHING), so it queues no mail; rows are written in booking-id order so
 * that two runs never wait on each other crosswise. The outbox's dedupe key would stop a second
 * mail in any case.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { bookings, resources, surveys } from '@/db/schema';
import { mailLinks } from '@/lib/mail/links';
import { summary } from '@/lib/mail/notify';
import { enqueueEmails, type OutboxEntry } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';
import { hashToken, tokenOf, tokenPlaceholder } from '@/lib/tokens';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long the survey link works after it was sent. */
export const SURVEY_LINK_DAYS = 14;

/**
 * A visit is surveyed only while it is recent: at most this many days past its due time. A new
 * install, or the job switched off for a while, does not survey customers about old visits.
 */
export const SURVEY_SEND_WINDOW_DAYS = 7;

export const SURVEY_TEMPLATE = 'follow-up-survey';

export async function sendFollowUpSurveys(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  const settings = await getSettings(db);
  const dueBy = new Date(now.getTime() - settings.followUpSurveyHours * HOUR);
  const window = new Date(dueBy.getTime() - SURVEY_SEND_WINDOW_DAYS * DAY);
  // The visit ended at the check-out, or at the booking's end when nobody checked out.
  const ended = sql`coalesce(${bookings.checkedOutAt}, ${bookings.endAt})`;
  const due = and(
    eq(bookings.requesterKind, 'customer'),
    eq(bookings.status, 'completed'),
    sql`${ended} <= ${dueBy.toISOString()}::timestamptz`,
    // The end bounds the look-up (bookings_customer_completed_end_idx); a check-out is never later.
    gt(bookings.endAt, window),
    notExists(db.select({ one: sql`1` }).from(surveys).where(eq(surveys.bookingId, bookings.id))),
  );
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ booking: bookings, resource: resources })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(due)
      .orderBy(asc(bookings.id));
    const expiresAt = new Date(now.getTime() + SURVEY_LINK_DAYS * DAY);
    let sent = 0;
    for (const slice of chunks(rows)) {
      const drawn = new Map(slice.map((row) => [row.booking.id, { ...row, id: randomUUID() }]));
      const inserted = await tx
        .insert(surveys)
        .values(
          [...drawn.values()].map(({ booking, id }) => ({
            id,
            bookingId: booking.id,
            tokenHash: hashToken(tokenOf(id)),
            expiresAt,
            sentAt: now,
          })),
        )
        .onConflictDoNothing({ target: surveys.bookingId })
        .returning({ bookingId: surveys.bookingId });
      const entries: OutboxEntry[] = inserted.flatMap(({ bookingId }) => {
        const { booking, resource, id } = drawn.get(bookingId)!;
        if (!booking.contactEmail) return [];
        return [
          {
            template: SURVEY_TEMPLATE,
            to: booking.contactEmail,
            locale: booking.locale,
            dedupeKey: `${booking.id}:follow_up_survey`,
            bookingId: booking.id,
            payload: {
              recipientName: booking.contactName,
              booking: summary({ booking, resource, settings }, booking.locale),
              links: { survey: mailLinks.survey(tokenPlaceholder(id)) },
              days: SURVEY_LINK_DAYS,
            },
          },
        ];
      });
      sent += await enqueueEmails(tx, entries);
    }
    return { sent };
  });
}
