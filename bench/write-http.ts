/**
 * The write path over HTTP: a staff request as `POST /api/v1/bookings` to the built app on the
 * main fixture, 8 clients at once, each on its own resource and on free slots that never
 * conflict, against the write path's floor (bench/write-path.ts: booking, audit event and outbox
 * row in one hand-written transaction through the same driver), phases interleaved. Goals:
 * throughput ≥ 0.3× the floor's, p95 ≤ 3× the floor's.
 *
 * Every slot lies inside the fixture's free weeks (`freeFrom`–`freeTo`), so the modules run
 * after this one still see the four occupied weeks as the fixture built them.
 */
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { addWorkingDays, dayInZone } from '@/lib/calendar/working-days';
import type { BenchContext, BenchRow, Fixture } from './context';
import { bookableResources, freeSlots } from './write-kit';
import { CLIENTS, PHASES, floorWrite, phase, throughputRows, type Phase, type Slot, type Write } from './write-path';

/** Working days from today to the first day of the free weeks (freeSlots counts from today). */
async function workingDaysToFree(f: Fixture): Promise<number> {
  const calendar = await getHolidayCalendar(f.db);
  const today = dayInZone(new Date(), f.timeZone);
  const first = dayInZone(f.freeFrom, f.timeZone);
  let d = 1;
  while (addWorkingDays(today, d, calendar) < first) d++;
  return d;
}

function postBooking(baseUrl: string, cookie: string, resourceIds: string[]): Write {
  return async (client, slot) => {
    const response = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      // The API takes a cookie-signed change only from the app's own origin, as its pages send it.
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
      body: JSON.stringify({
        resourceId: resourceIds[client],
        startAt: slot.startAt.toISOString(),
        endAt: slot.endAt.toISOString(),
        purpose: '基准测试',
        attendees: 1,
        phone: '13800138000',
      }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST /api/v1/bookings → ${response.status}: ${text.slice(0, 200)}`);
  };
}

export async function benchWriteHttp(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.app) {
    ctx.log('write-http: skipped (no build: npm run build)');
    return [];
  }
  const { main } = ctx;
  const perClient = ctx.smoke ? 3 : 25;
  const settings = await getSettings(main.db);
  // The fixture's own resources: default opening hours, a mix of buffers, none of the demo's
  // special hours, so that 8 × ~100 slots fit into the free weeks.
  const resources = (await bookableResources(main.db))
    .filter((r) => r.code.startsWith('BX-'))
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, CLIENTS);
  if (resources.length < CLIENTS) throw new Error(`write-http: ${resources.length} bookable fixture resources, ${CLIENTS} needed`);
  const staff = main.actors.staff.find((a) => a.email === 'staff@example.com');
  if (!staff) throw new Error('write-http: no staff@example.com in the fixture');

  // Warm-up and PHASES phases, for the app and for the floor alike, and a request a client
  // four times on the counting instance.
  const perResource = 2 * (PHASES * perClient + 1) + 4;
  const free = await freeSlots(main.db, resources, perResource, await workingDaysToFree(main));
  const last = Math.max(...[...free.values()].flat().map((s: Slot) => s.endAt.getTime()));
  if (last > main.freeTo.getTime()) {
    throw new Error(`write-http: ${perResource} slots a resource reach ${new Date(last).toISOString()}, past the free weeks (to ${main.freeTo.toISOString()}, horizon ${settings.bookingHorizonDays} days)`);
  }

  const ids = resources.map((r) => r.id);
  const cookie = await ctx.app.main.cookieFor(staff.email);
  const app = postBooking(ctx.app.main.baseUrl, cookie, ids);
  const floor = floorWrite(main.sql, resources, staff.id);
  // Warm-up: the first requests pay for connections and code paths.
  await phase(app, resources, free, 1);
  await phase(floor, resources, free, 1);
  const results = { app: [] as Phase[], floor: [] as Phase[] };
  for (let p = 0; p < PHASES; p++) {
    results.app.push(await phase(app, resources, free, perClient));
    results.floor.push(await phase(floor, resources, free, perClient));
  }
  const counted = await ctx.app.main.countStatements((baseUrl) => phase(postBooking(baseUrl, cookie, ids), resources, free, 1));
  const statements = counted / CLIENTS;
  const rows = throughputRows('staff request, POST /api/v1/bookings', results.app, results.floor, 0.3);
  rows[0].note = `${statements.toFixed(1)} SQL statements a request (the floor: 3 in a transaction)`;
  return rows;
}
