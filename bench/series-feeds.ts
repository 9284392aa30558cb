/**
 * Issue #9's closing figures, on the demo data in a scratch database of their own:
 *
 * - a weekly series of 52 dates for a staff member, previewed and submitted through the domain
 *   functions the API calls (lib/booking/series: `previewSeries`, `createSeries`), each on a
 *   fresh resource, weekday and hour no demo booking touches. Floors: for the preview, one
 *   overlap query of the 52 windows against the holds; for the submit, the same series row,
 *   bookings, events and outbox row written by one hand-written INSERT … SELECT. Goals: preview
 *   ≤ 1 s and submit ≤ 3 s (a person waits on the form; the floor only shows the scale, since
 *   the app checks each date as a single request and writes it in its own savepoint).
 * - a resource's iCalendar feed with 10,000 holding bookings (written set-based through the real
 *   triggers), rendered by `renderFeed`, and the whole conditional poll a calendar app makes
 *   every 15 minutes (token, render, ETag note, 304 decision), against the bare SELECT of the
 *   same rows. Goal: ≤ 1 s.
 *
 *   npx tsx bench/series-feeds.ts [--smoke]
 */
import type postgres from 'postgres';
import type { Resource } from '@/db/schema';
import { createSeries } from '@/lib/booking/series/create';
import { previewSeries } from '@/lib/booking/series/preview';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { addDays, addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { isNotModified } from '@/lib/feeds/conditional';
import { myFeedUrl, noteFeedEtag, resolveFeedToken } from '@/lib/feeds/feeds';
import { renderFeed } from '@/lib/feeds/render';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { interleave, latencyRow } from './stats';
import { bookableResources, runIfMain, withScratchDatabase, type BenchRow, type WriteBench } from './write-kit';

export interface SeriesFeedsSize {
  /** Dates in the weekly series (COUNT of the rule). */
  dates: number;
  /** Holding bookings on the feed's resource. */
  feedBookings: number;
  /** Timed rounds of the series paths (each round writes two series). */
  seriesSamples: number;
  feedSamples: number;
}

export const SERIES_FEEDS_SIZE = { dates: 52, feedBookings: 10_000, seriesSamples: 12, feedSamples: 20 } satisfies SeriesFeedsSize;
export const SERIES_FEEDS_SMOKE = { dates: 8, feedBookings: 200, seriesSamples: 2, feedSamples: 3 } satisfies SeriesFeedsSize;

/** Where one series goes: a resource and its first date's hour-long slot. */
interface SeriesSlot {
  resource: Resource;
  startAt: Date;
  endAt: Date;
}

/**
 * Fresh series slots, one per call: every (resource, weekday, hour) whose weekly dates, from the
 * first Monday after ten working days on, are clear of every hold and blackout (buffers and a
 * margin included). Hours are two apart so that buffers of neighbouring series never touch.
 */
async function seriesSlots(bench: WriteBench, dates: number): Promise<() => SeriesSlot> {
  const { db, sql } = bench;
  const settings = await getSettings(db);
  const calendar = await getHolidayCalendar(db);
  const tz = settings.timeZone;
  let monday = addWorkingDays(dayInZone(new Date(), tz), 10, calendar);
  while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
  const held = await sql<{ resourceId: string; start: Date; end: Date }[]>`
    select resource_id as "resourceId", hold_start as start, hold_end as end from slot_holds where hold_end > now()
    union all
    select resource_id, start_at, end_at from blackouts where end_at > now()`;
  const resources = await bookableResources(db);
  const at = (day: string, hour: number) => zonedInstant(day, `${String(hour).padStart(2, '0')}:00`, tz);
  // Clear of what the demo data holds or blocks, buffers and an hour's margin included.
  const margin = 60 * 60_000;
  const clear = (resourceId: string, start: Date, end: Date) =>
    !held.some((b) => b.resourceId === resourceId && b.start.getTime() < end.getTime() + margin && b.end.getTime() > start.getTime() - margin);
  const candidates: SeriesSlot[] = [];
  for (const resource of resources) {
    const open = Number(resource.opensAt.slice(0, 2)) + 1;
    const close = Number(resource.closesAt.slice(0, 2)) - 1;
    for (let weekday = 0; weekday < 5; weekday++) {
      for (let h = open; h + 1 <= close; h += 2) {
        const weeks = Array.from({ length: dates }, (_, k) => addDays(monday, weekday + 7 * k));
        if (weeks.every((day) => clear(resource.id, at(day, h), at(day, h + 1)))) {
          candidates.push({ resource, startAt: at(weeks[0], h), endAt: at(weeks[0], h + 1) });
        }
      }
    }
  }
  return () => {
    const slot = candidates.shift();
    if (!slot) throw new Error('out of free series slots');
    return slot;
  };
}

/** The floor of a submit: what a series leaves behind, in one hand-written statement. */
function floorSubmit(sql: postgres.Sql, staffId: string, slot: SeriesSlot, written: number) {
  return sql`
    with s as (
      insert into booking_series (reference, resource_id, requester_user_id, rrule, start_at, end_at, purpose)
      values ('RS-2099-' || lpad(nextval('booking_series_reference_seq')::text, 6, '0'), ${slot.resource.id}, ${staffId},
              'FREQ=WEEKLY', ${slot.startAt}, ${slot.endAt}, '基准测试')
      returning id
    ), b as (
      insert into bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                            contact_email, channel, purpose, attendees, start_at, end_at, series_id, occurrence_no)
      select 'BK-2099-' || lpad(nextval('booking_reference_seq')::text, 6, '0'), ${slot.resource.id}, 'staff', ${staffId},
             '基准', '13800138000', 'staff@example.com', 'portal', '基准测试', 1,
             ${slot.startAt}::timestamptz + (k - 1) * interval '7 days', ${slot.endAt}::timestamptz + (k - 1) * interval '7 days', s.id, k
        from s, generate_series(1, ${written}::int) as k
      returning id, start_at, end_at
    ), e as (
      insert into booking_events (booking_id, to_status, action, actor_kind, actor_user_id, data)
      select id, 'pending', 'submitted', 'user', ${staffId}, '{"channel":"portal"}'::jsonb from b
    )
    insert into email_outbox (template, to_address, locale, dedupe_key, booking_id, payload)
    select 'series-received', 'staff@example.com', 'zh', 'bench:' || s.id, (select id from b order by start_at limit 1),
           jsonb_build_object('dates', (select jsonb_agg(jsonb_build_array(start_at, end_at)) from b))
      from s`;
}

/** The floor of a preview: one overlap query of every window against the holds. */
function floorPreview(sql: postgres.Sql, slot: SeriesSlot, dates: number) {
  const week = 7 * 86_400_000;
  const starts = Array.from({ length: dates }, (_, k) => new Date(slot.startAt.getTime() + k * week).toISOString());
  const ends = Array.from({ length: dates }, (_, k) => new Date(slot.endAt.getTime() + k * week).toISOString());
  return sql`
    select w.s, h.booking_id
      from unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) as w(s, e)
      join slot_holds h on h.resource_id = ${slot.resource.id}
                       and tstzrange(h.hold_start, h.hold_end, '[)') && tstzrange(w.s, w.e, '[)')`;
}

async function benchSeries(bench: WriteBench, size: SeriesFeedsSize): Promise<BenchRow[]> {
  const { db, sql, staff } = bench;
  const next = await seriesSlots(bench, size.dates);
  const request = (slot: SeriesSlot) => ({
    resourceId: slot.resource.id,
    startAt: slot.startAt.toISOString(),
    endAt: slot.endAt.toISOString(),
    rrule: `FREQ=WEEKLY;COUNT=${size.dates}`,
    purpose: '基准测试 例会',
    phone: '13800138000',
    attendees: 1,
  });
  // Every date must be free or a day off: a taken one would time the alternatives search instead.
  const outcome = { free: 0, skipped: 0, written: 0 };
  const expectAll = (occurrences: { status: string }[], ok: string) => {
    const bad = occurrences.filter((o) => o.status !== ok && o.status !== 'skipped');
    if (bad.length > 0) throw new Error(`series dates not ${ok}: ${JSON.stringify(bad.slice(0, 3))}`);
    return occurrences.filter((o) => o.status === ok).length;
  };
  const samples = await interleave(
    size.seriesSamples,
    {
      preview: async () => {
        const { occurrences } = await previewSeries(db, staff, request(next()));
        outcome.free = expectAll(occurrences, 'free');
        outcome.skipped = occurrences.length - outcome.free;
      },
      previewFloor: () => floorPreview(sql, next(), size.dates),
      submit: async () => {
        outcome.written = expectAll((await createSeries(db, staff, request(next()))).occurrences, 'requested');
      },
      // As many rows as the submit just wrote.
      submitFloor: () => floorSubmit(sql, staff.id, next(), outcome.written),
    },
    1,
  );
  const dates = `${size.dates} weekly dates (${outcome.free} free, ${outcome.skipped} days off)`;
  return [
    latencyRow(`series preview, ${size.dates} dates: previewSeries`, samples.preview, samples.previewFloor, {
      maxMs: 1000,
      note: `${dates}; floor: one overlap query of the ${size.dates} windows`,
    }),
    latencyRow(`series submit, ${size.dates} dates: createSeries`, samples.submit, samples.submitFloor, {
      maxMs: 3000,
      note: `${outcome.written} bookings + events + 1 mail; floor: the same rows, one INSERT … SELECT`,
    }),
  ];
}

/**
 * A resource of its own with `n` holding bookings, one an hour-and-a-half from the next starting
 * tomorrow (the resource has no buffers), through the real triggers and the exclusion constraint.
 */
async function feedResource(sql: postgres.Sql, staffIds: string[], n: number): Promise<string> {
  const [{ id }] = await sql<{ id: string }[]>`
    insert into resources (code, name_zh, name_en, type_id, location, capacity)
    select 'BX-FEED', '基准订阅资源', 'Bench feed resource', (select id from resource_types order by sort_order limit 1), '基准楼 1 层', 8
    returning id`;
  await sql`
    insert into bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                          contact_email, channel, purpose, attendees, start_at, end_at, status, submitted_at,
                          approved_at, confirm_deadline, confirmed_at)
    select 'FD-' || i, ${id}, k.kind::requester_kind,
           case when k.kind = 'staff' then (${staffIds}::uuid[])[1 + i % ${staffIds.length}] end,
           '基准 ' || i, '138 0000 0000',
           case when k.kind = 'customer' then 'f' || i || '@customer.example.com' end,
           case when k.kind = 'customer' then 'public' else 'portal' end::booking_channel,
           '订阅会议 ' || i, 1 + i % 4, s.start_at, s.start_at + interval '1 hour', st.status::booking_status,
           now() - interval '2 days',
           case when st.status <> 'pending' then now() - interval '1 day' end,
           case when st.status = 'awaiting_confirmation' then now() + interval '2 days' end,
           case when st.status = 'confirmed' then now() - interval '12 hours' end
      from generate_series(0, ${n - 1}::int) as i
     cross join lateral (select date_trunc('day', now()) + interval '1 day' + i * interval '90 minutes' as start_at) s
     cross join lateral (select case when i % 4 = 0 then 'customer' else 'staff' end as kind) k
     cross join lateral (select case i % 10 when 0 then 'pending' when 1 then 'awaiting_confirmation' else 'confirmed' end as status) st`;
  await sql`analyze bookings`;
  return id;
}

async function benchFeed(bench: WriteBench, size: SeriesFeedsSize): Promise<BenchRow[]> {
  const { db, sql, staff } = bench;
  const staffIds = (await sql<{ id: string }[]>`select id from users where role = 'staff'`).map((u) => u.id);
  const resourceId = await feedResource(sql, staffIds, size.feedBookings);
  const token = /\/feeds\/(.+)\.ics$/.exec(await myFeedUrl(db, staff, 'resource', resourceId))![1];
  const { feed, owner } = await resolveFeedToken(db, token);
  const first = await renderFeed(db, feed, owner);
  await noteFeedEtag(db, feed, first.etag);
  const events = first.body.split('BEGIN:VEVENT').length - 1;
  if (events < size.feedBookings) throw new Error(`feed holds ${events} events, not ${size.feedBookings}`);
  // What a calendar app sends back after its first download.
  const poll = new Headers({ 'if-none-match': first.etag });
  const since = new Date(Date.now() - 31 * 86_400_000);
  const samples = await interleave(size.feedSamples, {
    render: () => renderFeed(db, feed, owner),
    // The feed route's work for an unchanged feed, as app/api/v1/feeds/[file]/route.ts does it.
    notModified: async () => {
      const current = await resolveFeedToken(db, token);
      const rendered = await renderFeed(db, current.feed, current.owner);
      const changedAt = await noteFeedEtag(db, current.feed, rendered.etag);
      if (!isNotModified(poll, rendered.etag, changedAt)) throw new Error('feed changed between polls');
    },
    floor: () => sql`
      select id, reference, status, purpose, requester_kind, start_at, end_at, version, updated_at
        from bookings
       where resource_id = ${resourceId} and status = any(${[...HOLDING_STATUSES]}::booking_status[]) and end_at > ${since}
       order by start_at, id`,
  });
  const note = `${events.toLocaleString('en')} events, ${(first.body.length / 1024 / 1024).toFixed(1)} MB of text; floor: the bare SELECT of the rows`;
  return [
    latencyRow(`resource feed, ${size.feedBookings.toLocaleString('en')} bookings: renderFeed`, samples.render, samples.floor, { maxMs: 1000, note }),
    latencyRow(`resource feed, ${size.feedBookings.toLocaleString('en')} bookings: unchanged poll (304)`, samples.notModified, samples.floor, {
      maxMs: 1000,
      note: 'token + full render + ETag compare: a 304 saves the transfer, not the render',
    }),
  ];
}

export async function benchSeriesFeeds(bench: WriteBench, size: SeriesFeedsSize = SERIES_FEEDS_SIZE): Promise<BenchRow[]> {
  return [...(await benchSeries(bench, size)), ...(await benchFeed(bench, size))];
}

runIfMain(import.meta.url, () =>
  withScratchDatabase('series_feeds', (bench) => benchSeriesFeeds(bench, process.argv.includes('--smoke') ? SERIES_FEEDS_SMOKE : SERIES_FEEDS_SIZE)),
);
