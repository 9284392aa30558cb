/**
 * What the write-side benchmarks (write-path, contention, jobs) share: a scratch database with
 * the demo data, the row every benchmark prints (bench/context.ts's `BenchRow` and
 * bench/stats.ts's timing, passed on from here so the scale run and these print the same), and
 * slots that pass the booking rules. Each module writes its own rows into its own scratch
 * database, so it can run alone: `npx tsx bench/jobs.ts`.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db';
import { blackouts, resources, slotHolds, users, type Resource } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/authz';
import { addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { seedDemoData } from '@/lib/demo/seed';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import type { BenchRow } from './context';
import { p95Figure } from './stats';

export type { BenchRow } from './context';
export { p95Figure, time } from './stats';

/** A scratch database for one module: the app's handle and a bare client for the floor. */
export interface WriteBench {
  url: string;
  db: Db;
  sql: postgres.Sql;
  staff: UserActor;
  admin: UserActor;
}

export async function withScratchDatabase<T>(name: string, fn: (bench: WriteBench) => Promise<T>): Promise<T> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const database = `bench_writes_${name}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  let handle: DbHandle | undefined;
  const sql = postgres(url.toString(), { max: 10, onnotice: () => {} });
  try {
    handle = await openDatabase({ driver: 'postgres', url: url.toString() });
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    // The write benchmarks fill the demo resources' free slots by the hundred — more days than the
    // default 90-day horizon holds on those with buffers (three slots a day). The rules are checked
    // all the same, a year ahead.
    await sql`update policy_settings set booking_horizon_days = 365`;
    const actor = async (email: string) => userActor((await handle!.db.select().from(users).where(eq(users.email, email)))[0]);
    return await fn({ url: url.toString(), db: handle.db, sql, staff: await actor('staff@example.com'), admin: await actor('admin@example.com') });
  } finally {
    await sql.end({ timeout: 5 });
    await handle?.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

/** app / floor for latencies: met when at most `maxRatio`. */
export function latencyRow(path: string, app: readonly number[], floor: readonly number[], maxRatio: number, note?: string): BenchRow {
  const a = p95Figure(app);
  const f = p95Figure(floor);
  const ratio = a.value / f.value;
  return { path, app: a, floor: f, ratio, goal: `p95 ≤ ${maxRatio}×`, met: ratio <= maxRatio, samples: app.length, note };
}

export function printRows(rows: readonly BenchRow[]): void {
  for (const row of rows) {
    const ratio = row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`;
    console.log(
      [row.path.padEnd(58), row.app.text.padEnd(30), (row.floor?.text ?? '').padEnd(30), ratio.padEnd(7), row.goal.padEnd(22), row.met ? 'met' : 'NOT MET', `n=${row.samples}`, row.note ?? '']
        .join(' | '),
    );
  }
}

/**
 * Free one-hour slots that pass every staff rule, `perResource` on each resource, from the tenth
 * working day on (the demo bookings sit in the first days), inside the opening hours.
 */
export async function freeSlots(
  db: Db,
  resourceList: readonly Resource[],
  perResource: number,
  firstWorkingDay = 10,
): Promise<Map<string, { startAt: Date; endAt: Date }[]>> {
  const settings = await getSettings(db);
  const calendar = await getHolidayCalendar(db);
  const today = dayInZone(new Date(), settings.timeZone);
  const slots = new Map<string, { startAt: Date; endAt: Date }[]>();
  const held = [
    ...(await db.select({ resourceId: slotHolds.resourceId, start: slotHolds.holdStart, end: slotHolds.holdEnd }).from(slotHolds)),
    ...(await db.select({ resourceId: blackouts.resourceId, start: blackouts.startAt, end: blackouts.endAt }).from(blackouts)),
  ];
  for (const resource of resourceList) {
    const list: { startAt: Date; endAt: Date }[] = [];
    const open = Number(resource.opensAt.slice(0, 2)) + 1;
    const close = Number(resource.closesAt.slice(0, 2)) - 1;
    for (let d = firstWorkingDay; list.length < perResource; d++) {
      const day = addWorkingDays(today, d, calendar);
      // Far enough apart that set-up and clean-up buffers never touch.
      const step = resource.setupBufferMinutes + resource.cleanupBufferMinutes > 0 ? 2 : 1;
      for (let h = open; h + 1 <= close && list.length < perResource; h += step) {
        const at = (hour: number) => zonedInstant(day, `${String(hour).padStart(2, '0')}:00`, settings.timeZone);
        const [startAt, endAt] = [at(h), at(h + 1)];
        // Clear of what the demo data holds or blocks, buffers included.
        const margin = 60 * 60_000;
        if (held.some((b) => b.resourceId === resource.id && b.start.getTime() < endAt.getTime() + margin && b.end.getTime() > startAt.getTime() - margin)) continue;
        list.push({ startAt, endAt });
      }
    }
    slots.set(resource.id, list);
  }
  return slots;
}

/** In-service resources staff may book for an hour with one attendee. */
export async function bookableResources(db: Db): Promise<Resource[]> {
  const rows = await db.select().from(resources).where(eq(resources.state, 'in_service'));
  return rows.filter((r) => r.maxDurationMinutes >= 60 && r.capacity >= 1);
}

/** Runs `bench` and prints its rows when the module is the entry point (`npx tsx bench/jobs.ts`). */
/** Set in a module's environment to have runIfMain print its rows as JSON after this marker. */
export const ROWS_JSON = 'BENCH_ROWS_JSON=';

export function runIfMain(moduleUrl: string, bench: () => Promise<BenchRow[]>): void {
  if (!process.argv[1] || pathToFileURL(resolve(process.argv[1])).href !== moduleUrl) return;
  bench().then(
    (rows) => {
      // For runInOwnProcess (bench/own-process.ts): the rows as one line of JSON, nothing else.
      if (process.env.BENCH_ROWS_JSON) return void console.log(`${ROWS_JSON}${JSON.stringify(rows)}`);
      printRows(rows);
      console.log(`machine: ${availableParallelism()} cores`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
