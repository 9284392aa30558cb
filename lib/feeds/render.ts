/**
 * The iCalendar text of a subscribed feed. Every event keeps one UID for the booking's whole
 * life and its SEQUENCE is the booking's version (as in the invitation mails, lib/mail/ics.ts),
 * so a calendar app replaces an event when it changes; a booking that stops holding its slot
 * (cancelled, declined, expired …) simply leaves the feed, and the app removes it. DTSTAMP is the
 * row's last change rather than the moment of the request, so an unchanged feed is the same text
 * byte for byte and its ETag holds.
 *
 * A resource feed is busy time: reference and status, a staff booking's purpose, and nothing of a
 * customer — no name, phone, e-mail or purpose — whoever subscribes.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { blackouts, bookings, resources, type BookingStatus } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/messages';
import { mailDomain } from '@/lib/mail/config';
import type { FeedRow } from './feeds';
import { writeCalendar, type IcsEvent } from './ics-text';

/** How far back a feed reaches; the future is all there. */
const PAST_DAYS = 31;
/** Settled bookings; the other holding statuses are still tentative. */
const CONFIRMED: readonly BookingStatus[] = ['confirmed', 'in_use'];

export interface RenderedFeed {
  body: string;
  /** Strong validator: the SHA-256 of the body. */
  etag: string;
  filename: string;
}

type Translate = (key: string, values?: Record<string, string>) => string;

export async function renderFeed(db: Db, feed: FeedRow, owner: UserActor, now = new Date()): Promise<RenderedFeed> {
  const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const locale = owner.locale;
  const t = translator(locale, 'api') as unknown as Translate;
  const status = translator(locale, 'status') as unknown as (key: BookingStatus) => string;
  const domain = mailDomain();
  const holding = inArray(bookings.status, [...HOLDING_STATUSES]);

  if (feed.kind === 'personal') {
    const rows = await db
      .select({ booking: bookings, resource: resources })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(and(eq(bookings.requesterKind, 'staff'), eq(bookings.requesterUserId, owner.id), holding, gt(bookings.endAt, since)))
      .orderBy(asc(bookings.startAt), asc(bookings.id));
    const statusLabel = labels(status);
    const events = rows.map(
      ({ booking, resource }): IcsEvent => ({
        uid: `booking-${booking.id}.mine@${domain}`,
        sequence: booking.version,
        stamp: booking.updatedAt,
        start: booking.startAt,
        end: booking.endAt,
        summary: `${localizedName(resource, locale)} · ${booking.reference}`,
        description: `${booking.purpose}\n${statusLabel(booking.status)}`,
        location: localizedLocation(resource, locale),
        status: CONFIRMED.includes(booking.status) ? 'CONFIRMED' : 'TENTATIVE',
      }),
    );
    const body = writeCalendar(
      { name: t('feedPersonalName', { name: owner.name }), prodId: `-//resource-booking//personal-feed//${locale.toUpperCase()}`, refreshMinutes: 15 },
      events,
    );
    return finish(body, 'my-bookings.ics');
  }

  const resourceId = feed.resourceId!;
  const [[resource], rows, blocks] = await Promise.all([
    db.select().from(resources).where(eq(resources.id, resourceId)),
    db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        status: bookings.status,
        purpose: bookings.purpose,
        requesterKind: bookings.requesterKind,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        version: bookings.version,
        updatedAt: bookings.updatedAt,
      })
      .from(bookings)
      .where(and(eq(bookings.resourceId, resourceId), holding, gt(bookings.endAt, since)))
      .orderBy(asc(bookings.startAt), asc(bookings.id)),
    db
      .select()
      .from(blackouts)
      .where(and(eq(blackouts.resourceId, resourceId), gt(blackouts.endAt, since)))
      .orderBy(asc(blackouts.startAt), asc(blackouts.id)),
  ]);
  const name = localizedName(resource, locale);
  const location = localizedLocation(resource, locale);
  const statusLabel = labels(status);
  // The summary's pattern once, not a message lookup per event: the feed may hold thousands.
  const summary = t('feedBooking', { reference: '\u0000r', status: '\u0000s' });
  const events: IcsEvent[] = rows.map((b) => ({
    uid: `booking-${b.id}.feed@${domain}`,
    sequence: b.version,
    stamp: b.updatedAt,
    start: b.startAt,
    end: b.endAt,
    summary: summary.replace('\u0000r', b.reference).replace('\u0000s', statusLabel(b.status)),
    // A staff booking's purpose, as staff see it on the calendar; a customer's, never.
    description: b.requesterKind === 'staff' ? b.purpose : null,
    location,
    status: CONFIRMED.includes(b.status) ? 'CONFIRMED' : 'TENTATIVE',
  }));
  for (const block of blocks) {
    events.push({
      uid: `blackout-${block.id}.feed@${domain}`,
      stamp: block.createdAt,
      start: block.startAt,
      end: block.endAt,
      summary: block.reason ? t('feedBlackout', { reason: block.reason }) : t('feedBlackoutNoReason'),
      location,
      status: 'CONFIRMED',
    });
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  const body = writeCalendar(
    {
      name: t('feedName', { code: resource.code, name }),
      description: t('feedDescription', { name }),
      prodId: `-//resource-booking//resource-feed//${locale.toUpperCase()}`,
      refreshMinutes: 15,
    },
    events,
  );
  return finish(body, `${resource.code.replace(/[^\w.-]+/g, '_')}.ics`);
}

/** Status labels, looked up once per status rather than once per event. */
function labels(status: (key: BookingStatus) => string): (key: BookingStatus) => string {
  const cache = new Map<BookingStatus, string>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, status(key));
    return cache.get(key)!;
  };
}

function finish(body: string, filename: string): RenderedFeed {
  return { body, filename, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}
