/**
 * Three no-shows in a row in one series (policy: the no-show release applies per occurrence,
 * lib/booking/release-no-shows.ts): the applicant and every admin are warned, once per series.
 * A separate step after the release, set-based and idempotent: the series is claimed by a
 * conditional UPDATE (`no_show_warned_at IS NULL`) in the transaction that queues the mails,
 * so a second run, or a second instance, finds nothing to do.
 *
 * "In a row" counts the dates that happened — used (in use, completed) or missed (no-show);
 * a cancelled or rejected date in between neither breaks nor extends the run.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, bookingSeries, resources, users } from '@/db/schema';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { absoluteUrl } from '@/lib/mail/config';
import { enqueueEmail } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';

export const NO_SHOWS_IN_A_ROW = 3;

const HAPPENED = ['in_use', 'completed', 'no_show'] as const;

export async function warnSeriesNoShows(db: Db, now: Date = new Date()): Promise<{ seriesWarned: number }> {
  const lastHappened = db
    .select({ status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.seriesId, bookingSeries.id), inArray(bookings.status, [...HAPPENED])))
    .orderBy(desc(bookings.occurrenceNo))
    .limit(NO_SHOWS_IN_A_ROW)
    .as('last_happened');
  const due = await db
    .select({ id: bookingSeries.id })
    .from(bookingSeries)
    .where(
      and(
        isNull(bookingSeries.noShowWarnedAt),
        sql`(select count(*) filter (where ${lastHappened.status} = 'no_show') from ${lastHappened}) = ${NO_SHOWS_IN_A_ROW}`,
      ),
    );
  let warned = 0;
  for (const { id } of due) if (await warnOne(db, id, now)) warned++;
  return { seriesWarned: warned };
}

async function warnOne(db: Db, seriesId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [series] = await tx
      .update(bookingSeries)
      .set({ noShowWarnedAt: now })
      .where(and(eq(bookingSeries.id, seriesId), isNull(bookingSeries.noShowWarnedAt)))
      .returning();
    if (!series) return false;
    const [latest] = await tx
      .select({ booking: bookings, resource: resources })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(and(eq(bookings.seriesId, seriesId), eq(bookings.status, 'no_show')))
      .orderBy(desc(bookings.occurrenceNo))
      .limit(1);
    const { timeZone } = await getSettings(tx);
    const recipients = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(eq(users.active, true), sql`(${users.id} = ${series.requesterUserId} or ${users.role} = 'admin')`));
    for (const r of recipients) {
      const { booking, resource } = latest;
      await enqueueEmail(tx, {
        template: 'series-no-shows',
        to: r.email,
        locale: r.locale,
        dedupeKey: `series:${series.id}:no_shows:${r.email.toLowerCase()}`,
        bookingId: booking.id,
        payload: {
          recipientName: r.name,
          booking: {
            reference: series.reference,
            resourceName: localizedName(resource, r.locale),
            location: localizedLocation(resource, r.locale),
            startAt: booking.startAt.toISOString(),
            endAt: booking.endAt.toISOString(),
            timeZone,
            purpose: booking.purpose,
            attendees: booking.attendees,
          },
          links: { view: absoluteUrl(`/bookings/series/${series.id}`) },
          seriesReference: series.reference,
          count: NO_SHOWS_IN_A_ROW,
        },
      });
    }
    return true;
  });
}
