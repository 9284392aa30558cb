/**
 * What the booking calendars show for some resources over some days: bookings (staff see every
 * resource's, product rule 12), the holds of pending change requests, blackouts, set-up/clean-up buffers and, for one resource, the
 * windows in which it can be booked (opening hours on its working days, from the earliest day
 * the lead time allows). Times are wall-clock strings in the organisation's zone (see
 * wall-clock.ts). The windows only guide the picker: createStaffRequest checks every rule again.
 *
 * Which resources: the ones named, those of one type, or (neither given) every resource not
 * retired — as many as there are, in one look-up.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { BOOKING_STATUSES } from '@/db/booking-statuses';
import { resources, type BookingStatus } from '@/db/schema';
import { requireUser, type Actor } from '@/lib/authz';
import { getBusy, getWallClockCalendar } from '@/lib/booking/availability';
import { parseInput, STAFF_FIELD_MESSAGES } from '@/lib/booking/schemas';
import { addDays, dayInZone, earliestStaffStartDay, minutesInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { dayField } from '@/lib/validation/fields';
import { openingWindows, type OpenWindow } from './opening-windows';
import { toWallClock, type WallClock } from './wall-clock';

export type { OpenWindow } from './opening-windows';

export interface FeedEntry {
  id: string;
  resourceId: string;
  start: WallClock;
  end: WallClock;
  /** `change_hold`: held for a pending change request while admin decides (taken, though no booking is there yet). */
  kind: 'booking' | 'blackout' | 'buffer' | 'change_hold';
  status: BookingStatus | null;
  /** The purpose or the blackout's reason; null when the viewer may not see it. */
  title: string | null;
  requesterKind: 'staff' | 'customer' | null;
  mine: boolean;
  /** For blackouts: `maintenance` (the resource is under maintenance) or `blackout`; else null. */
  blackoutKind: 'maintenance' | 'blackout' | null;
  /** A maintenance period that lasts until the damage report is resolved (no end known). */
  untilFurtherNotice: boolean;
  /** For a change hold: the booking that asked to move there; else null. */
  changeOf: string | null;
}

export interface CalendarFeed {
  entries: FeedEntry[];
  /** Only for a single resource; null otherwise. */
  open: OpenWindow[] | null;
}

const day = () => dayField(STAFF_FIELD_MESSAGES);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/**
 * A calendar look-up as a query string gives it: `from`/`to` (days, `to` exclusive), optional
 * `resourceIds` (comma-separated; any number) or `typeId`, and `bookable` (true/false).
 */
export const feedQuerySchema = z
  .object({
    from: day(),
    to: day(),
    resourceIds: z.preprocess(
      (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : blankToUndefined(value)),
      z
        .array(z.uuid({ error: 'invalid_id' }))
        .min(1, 'required')
        .optional()
        .meta({ description: 'Resource ids, comma-separated, any number of them. Neither this nor typeId: every resource.' }),
    ),
    typeId: z.preprocess(blankToUndefined, z.uuid({ error: 'invalid_id' }).optional()),
    bookable: z.preprocess((value) => value === true || value === 'true' || value === '1', z.boolean()).optional(),
  })
  .refine((v) => v.from < v.to, { message: 'invalid_range', path: ['to'] });

export type FeedQuery = z.input<typeof feedQuerySchema>;

const wallClock = () => z.string().meta({ description: "Wall clock in the organisation's zone, 'YYYY-MM-DDTHH:mm'." });

/** The answer, for the OpenAPI document (typed against CalendarFeed, so the two cannot drift). */
export const calendarFeedSchema: z.ZodType<CalendarFeed> = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      resourceId: z.uuid(),
      start: wallClock(),
      end: wallClock(),
      kind: z.enum(['booking', 'blackout', 'buffer', 'change_hold']).meta({
        description: '`change_hold`: the time a pending change request holds while admin decides; taken, though the booking has not moved.',
      }),
      status: z.enum(BOOKING_STATUSES).nullable(),
      title: z.string().nullable().meta({ description: 'The purpose or blackout reason; null when the caller may not see it.' }),
      requesterKind: z.enum(['staff', 'customer']).nullable(),
      mine: z.boolean(),
      blackoutKind: z.enum(['maintenance', 'blackout']).nullable(),
      untilFurtherNotice: z.boolean().meta({ description: 'A maintenance period until a damage report is resolved; `end` is then far in the future.' }),
      changeOf: z.uuid().nullable().meta({ description: 'For a change hold: the id of the booking that asked to move there.' }),
    }),
  ),
  open: z
    .array(z.object({ start: wallClock(), end: wallClock() }))
    .nullable()
    .meta({ description: 'For one resource: when it can be booked (bookable=true) or is open; null otherwise.' }),
});

export async function loadCalendarFeed(db: Db, actor: Actor, input: FeedQuery, now = new Date()): Promise<CalendarFeed> {
  requireUser(actor);
  const query = parseInput(feedQuerySchema, input);
  const [settings, resourceIds] = await Promise.all([getSettings(db), scopeIds(db, query)]);
  const { timeZone } = settings;
  const from = zonedInstant(query.from, '00:00', timeZone);
  const to = zonedInstant(query.to, '00:00', timeZone);
  const single = resourceIds.length === 1 ? resourceIds[0] : null;

  // Buffers and the opening windows (the resource, the holidays) are shown for one resource only.
  const [entries, busy, resource, calendar] = await Promise.all([
    getWallClockCalendar(db, actor, resourceIds, from, to, timeZone),
    single ? getBusy(db, single, from, to) : [],
    single ? db.select().from(resources).where(eq(resources.id, single)).then((rows) => rows[0]) : undefined,
    single ? getHolidayCalendar(db) : undefined,
  ]);

  const wall = (instant: Date) => toWallClock(instant, timeZone);
  const feed: FeedEntry[] = entries.map((e) => ({
    id: e.id,
    resourceId: e.resourceId,
    start: e.startAt,
    end: e.endAt,
    kind: e.kind,
    status: e.status,
    title: e.title,
    requesterKind: e.requesterKind,
    mine: e.mine,
    blackoutKind: e.blackoutKind,
    untilFurtherNotice: e.kind === 'blackout' && e.openEnded,
    changeOf: e.changeOf,
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
        blackoutKind: null,
        untilFurtherNotice: false,
        changeOf: null,
      }),
    );

  if (!resource || !calendar) return { entries: feed, open: null };
  const today = dayInZone(now, timeZone);
  const limits = query.bookable
    ? {
        firstDay: earliestStaffStartDay(now, settings.staffLeadWorkingDays, timeZone, calendar),
        lastDay: addDays(today, settings.bookingHorizonDays),
        today,
        nowMinutes: minutesInZone(now, timeZone),
      }
    : null;
  return { entries: feed, open: openingWindows(resource, query.from, query.to, calendar, limits) };
}

/** The resources a look-up is about: named ones as given, else a type's or all, retired ones left out. */
async function scopeIds(db: Db, query: z.output<typeof feedQuerySchema>): Promise<string[]> {
  if (query.resourceIds) return query.resourceIds;
  const rows = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(ne(resources.state, 'retired'), query.typeId ? eq(resources.typeId, query.typeId) : undefined));
  return rows.map((r) => r.id);
}
