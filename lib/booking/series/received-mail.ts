/**
 * The one "request received" mail of a recurring series, written in the series' transaction.
 * It is filed under the first requested date's booking, so that its reply address is a signed
 * one of the series (lib/inbound: a reply to any mail of a series acts on the whole series) and
 * it goes out before that date's later mails.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, users, type BookingSeries } from '@/db/schema';
import type { SeriesReceivedDate } from '@/emails/series-received';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { absoluteUrl } from '@/lib/mail/config';
import type { MailPayload } from '@/lib/mail/notify';
import { enqueueEmail } from '@/lib/mail/outbox';
import type { OccurrenceView } from './occurrences';

export async function notifySeriesReceived(
  tx: Db,
  series: BookingSeries,
  occurrences: OccurrenceView[],
  firstBookingId: string,
  timeZone: string,
): Promise<void> {
  const [row] = await tx
    .select({ user: users, resource: resources, attendees: bookings.attendees })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.requesterUserId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, firstBookingId));
  const { user, resource } = row;
  const dates: SeriesReceivedDate[] = occurrences.map((o) => ({
    n: o.n,
    startAt: o.startAt,
    endAt: o.endAt,
    status: o.status === 'free' ? 'requested' : o.status,
  }));
  const payload: MailPayload<'series-received'> = {
    recipientName: user.name,
    booking: {
      reference: series.reference,
      resourceName: localizedName(resource, user.locale),
      location: localizedLocation(resource, user.locale),
      startAt: series.startAt.toISOString(),
      endAt: series.endAt.toISOString(),
      timeZone,
      purpose: series.purpose,
      attendees: row.attendees,
    },
    links: { view: absoluteUrl(`/bookings/series/${series.id}`) },
    dates,
  };
  await enqueueEmail(tx, {
    template: 'series-received',
    to: user.email,
    locale: user.locale,
    dedupeKey: `series:${series.id}:received`,
    bookingId: firstBookingId,
    payload: payload as unknown as Record<string, unknown>,
  });
}
