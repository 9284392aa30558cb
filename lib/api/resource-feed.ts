/**
 * The iCalendar feed of one resource (product.md "Interfaces"): the bookings that hold it and
 * its blackouts, for a signed-in user's calendar client. Every event is busy time with the
 * booking's reference and status; a staff booking's purpose is added as staff see it on the
 * calendar, a customer's visit never says more than that it is one — whoever subscribes.
 */
import { inArray } from 'drizzle-orm';
import ical, { ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { Db } from '@/db';
import { bookings, type BookingStatus, type Resource } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { getResourceCalendar, type CalendarEntry } from '@/lib/booking/calendar-entries';
import { listResources } from '@/lib/booking/queries';
import { isHolding } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/messages';
import { mailDomain } from '@/lib/mail/config';

const DAY = 86_400_000;
/** Yesterday to three months ahead: the booking horizon, within the calendar query's bound. */
const PAST_DAYS = 1;
const AHEAD_DAYS = 91;
/** Settled bookings; the other holding statuses are still tentative. */
const CONFIRMED_STATUSES: readonly BookingStatus[] = ['confirmed', 'in_use'];

export interface ResourceFeed {
  filename: string;
  body: string;
}

export async function loadResourceFeed(
  db: Db,
  actor: Actor,
  resourceId: string,
  locale: AppLocale,
  now = new Date(),
): Promise<ResourceFeed> {
  const from = new Date(now.getTime() - PAST_DAYS * DAY);
  const to = new Date(now.getTime() + AHEAD_DAYS * DAY);
  // The calendar query checks the caller is signed in, before anything is revealed.
  const entries = await getResourceCalendar(db, actor, [resourceId], from, to);
  const resource = (await listResources(db, { includeRetired: true })).find((r) => r.id === resourceId);
  if (!resource) throw new DomainError('not_found');
  const held = entries.filter((e) => e.kind === 'blackout' || (e.status && isHolding(e.status)));
  const references = await loadReferences(
    db,
    held.filter((e) => e.kind === 'booking').map((e) => e.id),
  );
  return {
    filename: `${resource.code.replace(/[^\w.-]+/g, '_')}.ics`,
    body: buildResourceFeed({ resource, entries: held, references, locale, domain: mailDomain() }),
  };
}

// Calendar entries carry no reference; the feed names each booking by it.
async function loadReferences(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: bookings.id, reference: bookings.reference }).from(bookings).where(inArray(bookings.id, ids));
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export interface FeedInput {
  resource: Pick<Resource, 'code' | 'nameZh' | 'nameEn' | 'location' | 'locationEn'>;
  entries: CalendarEntry[];
  references: ReadonlyMap<string, string>;
  locale: AppLocale;
  /** Right-hand side of the event UIDs. */
  domain: string;
}

/** Pure: entries → iCalendar text. Times are written in UTC; clients show them in their zone. */
export function buildResourceFeed({ resource, entries, references, locale, domain }: FeedInput): string {
  const t = translator(locale, 'api') as unknown as (key: string, values?: Record<string, string>) => string;
  const status = translator(locale, 'status') as unknown as (key: BookingStatus) => string;
  const name = localizedName(resource, locale);
  const calendar = ical({
    name: t('feedName', { code: resource.code, name }),
    description: t('feedDescription', { name }),
    prodId: { company: 'resource-booking', product: 'resource-feed', language: locale.toUpperCase() },
    ttl: 15 * 60,
  });
  for (const entry of entries) {
    const bookingStatus = entry.kind === 'booking' ? entry.status : null;
    calendar.createEvent({
      // Not the invitation's UID: a subscribed feed is a calendar of its own.
      id: `${entry.kind}-${entry.id}.feed@${domain}`,
      start: entry.startAt,
      end: entry.endAt,
      summary: bookingStatus
        ? t('feedBooking', { reference: references.get(entry.id) ?? '', status: status(bookingStatus) })
        : entry.title
          ? t('feedBlackout', { reason: entry.title })
          : t('feedBlackoutNoReason'),
      description: bookingStatus && entry.requesterKind === 'staff' ? entry.title : null,
      location: localizedLocation(resource, locale),
      status:
        bookingStatus && !CONFIRMED_STATUSES.includes(bookingStatus) ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      busystatus: ICalEventBusyStatus.BUSY,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}
