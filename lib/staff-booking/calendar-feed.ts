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
import { getBusy } from '@/lib/booking/availability';
import { getWallClockCalendar } from '@/lib/booking/calendar-entries';
import { parseInput, STAFF_FIELD_MESSAGES } from '@/lib/booking/schemas';
import { addDays, dayInZone, earliestStaffStartDay, minutesInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { dayField } from '@/lib/validation/fields';
import { openingWindows, type OpenWindow } from './opening-windows';
import { toWallClock, type WallClock } from './wall-clock';

export type { OpenWindow } from './opening-windows';

/**
 * One thing on a resource's calendar. A week of every resource is thousands of these, so members
 * that do not apply are left out rather than sent as null or false: what a kind of entry lacks
 * (a blackout's requester, a booking's `blackoutKind`), a title the viewer may not see, `mine`
 * and `untilFurtherNotice` unless true.
 */
export interface FeedEntry {
  id: string;
  start: WallClock;
  end: WallClock;
  /** `change_hold`: held for a pending change request while admin decides (taken, though no booking is there yet). */
  kind: 'booking' | 'blackout' | 'buffer' | 'change_hold';
  /** A booking's status. */
  status?: BookingStatus;
  /** The purpose or the blackout's reason; left out when the viewer may not see it. */
  title?: string;
  requesterKind?: 'staff' | 'customer';
  /** The viewer asked for this booking (or change). */
  mine?: true;
  /** For blackouts: `maintenance` (the resource is under maintenance) or `blackout`. */
  blackoutKind?: 'maintenance' | 'blackout';
  /** A maintenance period that lasts until the damage report is resolved (no end known). */
  untilFurtherNotice?: true;
  /** For a change hold: the booking that asked to move there. */
  changeOf?: string;
}

/** What is on one resource: its bookings, holds and blackouts in the order they start, then (for a single resource) its buffers. */
export interface FeedResource {
  resourceId: string;
  entries: FeedEntry[];
}

export interface CalendarFeed {
  /** The resources with something on them in the range, in the order they were asked for. */
  resources: FeedResource[];
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
  resources: z
    .array(
      z.object({
        resourceId: z.uuid(),
        entries: z.array(
          z
            .object({
              id: z.string(),
              start: wallClock(),
              end: wallClock(),
              kind: z.enum(['booking', 'blackout', 'buffer', 'change_hold']).meta({
                description: '`change_hold`: the time a pending change request holds while admin decides; taken, though the booking has not moved.',
              }),
              status: z.enum(BOOKING_STATUSES).optional().meta({ description: "A booking's status." }),
              title: z.string().optional().meta({ description: 'The purpose or blackout reason; absent when the caller may not see it.' }),
              requesterKind: z.enum(['staff', 'customer']).optional(),
              mine: z.literal(true).optional().meta({ description: 'Present when the caller asked for this booking or change.' }),
              blackoutKind: z.enum(['maintenance', 'blackout']).optional(),
              untilFurtherNotice: z
                .literal(true)
                .optional()
                .meta({ description: 'A maintenance period until a damage report is resolved; `end` is then far in the future.' }),
              changeOf: z.uuid().optional().meta({ description: 'For a change hold: the id of the booking that asked to move there.' }),
            })
            .meta({ description: 'Members that do not apply to an entry are absent, not null.' }),
        ),
      }),
    )
    .meta({ description: 'The resources with something on them in the range, each with its entries in the order they start (a single resource\'s buffers last).' }),
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
  const byResource = new Map<string, FeedEntry[]>(resourceIds.map((id) => [id, []]));
  for (const e of entries) {
    // Assigned one by one, not spread in: spreading seven conditional objects into each of
    // thousands of entries took ten times as long.
    const entry: FeedEntry = { id: e.id, start: e.startAt, end: e.endAt, kind: e.kind };
    if (e.status) entry.status = e.status;
    if (e.title !== null) entry.title = e.title;
    if (e.requesterKind) entry.requesterKind = e.requesterKind;
    if (e.mine) entry.mine = true;
    if (e.blackoutKind) entry.blackoutKind = e.blackoutKind;
    if (e.kind === 'blackout' && e.openEnded) entry.untilFurtherNotice = true;
    if (e.changeOf) entry.changeOf = e.changeOf;
    byResource.get(e.resourceId)?.push(entry);
  }
  if (single) {
    busy
      .filter((b) => b.kind === 'buffer')
      .forEach((b, index) => byResource.get(single)!.push({ id: `buffer-${index}`, start: wall(b.startAt), end: wall(b.endAt), kind: 'buffer' }));
  }
  const feed = [...byResource].filter(([, list]) => list.length > 0).map(([resourceId, list]) => ({ resourceId, entries: list }));

  if (!resource || !calendar) return { resources: feed, open: null };
  const today = dayInZone(now, timeZone);
  const limits = query.bookable
    ? {
        firstDay: earliestStaffStartDay(now, settings.staffLeadWorkingDays, timeZone, calendar),
        lastDay: addDays(today, settings.bookingHorizonDays),
        today,
        nowMinutes: minutesInZone(now, timeZone),
      }
    : null;
  return { resources: feed, open: openingWindows(resource, query.from, query.to, calendar, limits) };
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
