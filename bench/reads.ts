/**
 * The read side at scale, each path beside its bare-PostgreSQL floor in the same run (same
 * driver, postgres-js, one hand-written statement for the same rows):
 *  - busy times of every resource for a week, and alternatives for a taken slot;
 *  - getResourceCalendar for every resource over a week, and the staff week grid over HTTP;
 *  - time to first byte of /admin/review, /calendar and the public availability API at 200
 *    resources against the 10-resource twin, with the SQL statements each request sends.
 */
import { findAlternatives } from '@/lib/booking/alternatives';
import { loadBusyIntervals } from '@/lib/booking/availability';
import { getResourceCalendar } from '@/lib/booking/calendar-entries';
import { dayInZone } from '@/lib/calendar/working-days';
import type { BenchApp, BenchContext, BenchRow, Fixture } from './context';
import { interleave, latencyRow, p95Figure } from './stats';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The second occupied week: nothing about it is special, and it is wholly in the future. */
function week(f: Fixture): { from: Date; to: Date } {
  const from = new Date(f.weekStart.getTime() + 7 * DAY);
  return { from, to: new Date(from.getTime() + 7 * DAY) };
}

const CALENDAR_STATUSES = ['pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use', 'completed'];

/** The floor of every "what is on these resources over this window" read: holds and blackouts. */
function bareBusy(f: Fixture, ids: string[], from: Date, to: Date) {
  return f.sql`
    SELECT resource_id, hold_start AS start_at, hold_end AS end_at FROM slot_holds
     WHERE resource_id = ANY(${ids}::uuid[]) AND tstzrange(hold_start, hold_end, '[)') && tstzrange(${from}, ${to}, '[)')
    UNION ALL
    SELECT resource_id, start_at, end_at FROM blackouts
     WHERE resource_id = ANY(${ids}::uuid[]) AND start_at < ${to} AND end_at > ${from}`;
}

/** The floor of the calendars: the bookings they show, with the columns they show. */
export function bareCalendar(f: Fixture, ids: string[], from: Date, to: Date) {
  return f.sql`
    SELECT id, resource_id, start_at, end_at, status, purpose, requester_kind, requester_user_id FROM bookings
     WHERE resource_id = ANY(${ids}::uuid[]) AND status = ANY(${CALENDAR_STATUSES}::booking_status[])
       AND (holds_slot OR status = 'completed')
       AND tstzrange(start_at, end_at, '[)') && tstzrange(${from}, ${to}, '[)')
     ORDER BY start_at`;
}

export async function benchReads(ctx: BenchContext): Promise<BenchRow[]> {
  const { main } = ctx;
  const ids = main.resources.map((r) => r.id);
  const { from, to } = week(main);
  const n = ctx.samples;
  const rows: BenchRow[] = [];

  const busy = await interleave(n, {
    app: () => loadBusyIntervals(main.db, ids, from, to),
    floor: () => bareBusy(main, ids, from, to),
  });
  rows.push(latencyRow(`busy times, ${ids.length} resources × 1 week`, busy.app, busy.floor, { maxRatio: 2 }));

  // A taken slot (the fixture fills 09:00 or 11:00 … on most days): Tuesday 11:00 of the week.
  const wanted = main.resources[main.resources.length - 1];
  const startAt = new Date(from.getTime() + DAY + 11 * HOUR);
  const slot = { resourceId: wanted.id, startAt, endAt: new Date(startAt.getTime() + HOUR), attendees: 2, requesterKind: 'staff' as const };
  const sameType = main.resources.filter((r) => r.typeId === wanted.typeId).map((r) => r.id);
  // The floor stays the bare overlap query over the whole type and fortnight; the search itself
  // reads a fortnight of the wanted resource only, and the others at the wanted time.
  const around = { from: new Date(startAt.getTime() - 15 * DAY), to: new Date(startAt.getTime() + 15 * DAY) };
  const alternatives = await interleave(n, {
    app: () => findAlternatives(main.db, slot),
    floor: () => bareBusy(main, sameType, around.from, around.to),
  });
  rows.push(
    latencyRow(`alternatives for a taken slot (${sameType.length} resources × ±14 days)`, alternatives.app, alternatives.floor, {
      maxRatio: 2,
    }),
  );

  const calendar = await interleave(n, {
    app: () => getResourceCalendar(main.db, main.actors.staff[0], ids, from, to),
    floor: () => bareCalendar(main, ids, from, to),
  });
  const [{ shown }] = await main.sql<{ shown: number }[]>`SELECT count(*)::int AS shown FROM (${bareCalendar(main, ids, from, to)}) c`;
  rows.push(
    latencyRow(`getResourceCalendar, ${ids.length} resources × 1 week`, calendar.app, calendar.floor, {
      maxRatio: 2,
      note: `${shown} bookings`,
    }),
  );

  if (ctx.app) rows.push(...(await httpReads(ctx, ctx.app.main, ctx.app.twin, ids, from, to)));
  else ctx.log('no build (.next/BUILD_ID): HTTP paths skipped; `npm run build` first');
  return rows;
}

async function httpReads(ctx: BenchContext, app: BenchApp, twin: BenchApp, ids: string[], from: Date, to: Date): Promise<BenchRow[]> {
  const { main } = ctx;
  const n = ctx.samples;
  const rows: BenchRow[] = [];
  const staff = 'staff@example.com';
  const days = `from=${dayInZone(from, main.timeZone)}&to=${dayInZone(to, main.timeZone)}`;

  const grid = await interleave(n, {
    app: () => get(app, `/api/v1/calendar?${days}`, staff),
    floor: () => bareCalendar(main, ids, from, to),
  });
  rows.push(
    latencyRow(`staff week grid over HTTP, all ${ids.length} resources`, grid.app, grid.floor, { maxRatio: 3, maxMs: 100 }),
  );

  const bookable = (f: Fixture) => f.resources.find((r) => r.customerBookable)!.id;
  const pages: { path: string; as: string | null; url: (f: Fixture) => string }[] = [
    { path: '/admin/review', as: 'admin@example.com', url: () => '/admin/review' },
    { path: '/calendar', as: staff, url: () => '/calendar' },
    {
      path: '/api/v1/public/availability',
      as: null,
      url: (f) => `/api/v1/public/availability?resourceId=${bookable(f)}&from=${from.toISOString()}&to=${to.toISOString()}`,
    },
  ];
  for (const page of pages) {
    const big = await interleave(n, {
      main: () => firstByte(app, page.url(main), page.as),
      twin: () => firstByte(twin, page.url(ctx.twin), page.as),
    });
    const statements = {
      main: await countStatements(app, page.url(main), page.as),
      twin: await countStatements(twin, page.url(ctx.twin), page.as),
    };
    const app95 = p95Figure(big.main);
    const twin95 = p95Figure(big.twin);
    const ratio = app95.value / twin95.value;
    rows.push({
      path: `TTFB ${page.path}, ${main.resources.length} vs ${ctx.twin.resources.length} resources`,
      app: app95,
      floor: twin95,
      ratio,
      goal: '≤ 1.5×, same statements',
      met: ratio <= 1.5 && statements.main.count === statements.twin.count,
      samples: big.main.length,
      note: `statements ${statements.main.count} vs ${statements.twin.count}; ${kb(statements.main.bytes)} vs ${kb(statements.twin.bytes)}`,
    });
  }
  return rows;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

async function request(app: BenchApp, path: string, as: string | null, baseUrl = app.baseUrl): Promise<Response> {
  const headers: Record<string, string> = as ? { cookie: await app.cookieFor(as) } : {};
  const res = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res;
}

async function get(app: BenchApp, path: string, as: string | null): Promise<void> {
  await (await request(app, path, as)).arrayBuffer();
}

/** Time to the response's headers (fetch resolves there); the body is read untimed. */
async function firstByte(app: BenchApp, path: string, as: string | null): Promise<() => Promise<void>> {
  const res = await request(app, path, as);
  return async () => void (await res.arrayBuffer());
}

async function countStatements(app: BenchApp, path: string, as: string | null): Promise<{ count: number; bytes: number }> {
  if (as) await app.cookieFor(as);
  let bytes = 0;
  const count = await app.countStatements(async (baseUrl) => {
    bytes = (await (await request(app, path, as, baseUrl)).arrayBuffer()).byteLength;
  });
  return { count, bytes };
}
