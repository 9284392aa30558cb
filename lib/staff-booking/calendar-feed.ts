/**
 * What the booking calendars show for some resources over some days: bookings (staff see every
 * resource's, product rule 12), blackouts, set-up/clean-up buffers and, for one resource, the
 * windows in which it can be booked (opening hours on its working days, from the earliest day
 * the lead time allows). Times are wall-clock strings in the organisation's zone (see
 * wall-clock.ts). The windows only guide the picker: createStaffRequest checks every rule again.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, type BookingStatus } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { getBusy, getResourceCalendar } from '@/lib/booking/availability';
import { addDays, dayInZone, earliestStaffStartDay, minutesInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { openingWindows, type OpenWindow } from './opening-windows';
import { toWallClock, type WallClock } from './wall-clock';

export type { OpenWindow } from './opening-windows';

export interface FeedEntry {
  id: string;
  resourceId: string;
  start: WallClock;
  end: WallClock;
  kind: 'booking' | 'blackout' | 'buffer';
  status: BookingStatus | null;
  /** The purpose or the blackout's reason; null when the viewer may not see it. */
  title: string | null;
  requesterKind: 'staff' | 'customer' | null;
  mine: boolean;
}

export interface CalendarFeed {
  entries: FeedEntry[];
  /** Only for a single resource; null otherwise. */
  open: OpenWindow[] | null;
}

export interface FeedQuery {
  resourceIds: string[];
  /** First day shown and the day after the last one, 'YYYY-MM-DD' in the organisation's zone. */
  fromDay: string;
  toDay: string;
  /** true: windows in which a staff request may start (lead time, horizon); false: opening hours. */
  bookable: boolean;
}

export async function loadCalendarFeed(db: Db, actor: Actor, query: FeedQuery, now = new Date()): Promise<CalendarFeed> {
  const [settings, calendar] = await Promise.all([getSettings(db), getHolidayCalendar(db)]);
  const { timeZone } = settings;
  const from = zonedInstant(query.fromDay, '00:00', timeZone);
  const to = zonedInstant(query.toDay, '00:00', timeZone);
  const single = query.resourceIds.length === 1 ? query.resourceIds[0] : null;

  const [entries, busy, resource] = await Promise.all([
    getResourceCalendar(db, actor, query.resourceIds, from, to),
    single ? getBusy(db, single, from, to) : [],
    single ? db.select().from(resources).where(eq(resources.id, single)).then((rows) => rows[0]) : undefined,
  ]);

  const wall = (instant: Date) => toWallClock(instant, timeZone);
  const feed: FeedEntry[] = entries.map((e) => ({
    id: e.id,
    resourceId: e.resourceId,
    start: wall(e.startAt),
    end: wall(e.endAt),
    kind: e.kind,
    status: e.status,
    title: e.title,
    requesterKind: e.requesterKind,
    mine: e.mine,
  }));
  busy
    .filter((b) => b.kind === 'buffer')
    .forEach((b, index) =>
      feed.push({
        id: `buffer-${index}`,
        resourceId: single!,
        start: wall(b.startAt),
        end: wall(b.endAt),
        kind: 'buffer',
        status: null,
        title: null,
        requesterKind: null,
        mine: false,
      }),
    );

  if (!resource) return { entries: feed, open: null };
  const today = dayInZone(now, timeZone);
  const limits = query.bookable
    ? {
        firstDay: earliestStaffStartDay(now, settings.staffLeadWorkingDays, timeZone, calendar),
        lastDay: addDays(today, settings.bookingHorizonDays),
        today,
        nowMinutes: minutesInZone(now, timeZone),
      }
    : null;
  return { entries: feed, open: openingWindows(resource, query.fromDay, query.toDay, calendar, limits) };
}
