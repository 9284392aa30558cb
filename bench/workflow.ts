/**
 * The booking workflow's hot paths on the small demo data, printed as figures (no floor, no
 * goal): on real PostgreSQL (BENCH_DATABASE_URL's server; a scratch database is created and
 * dropped) and on the embedded PGlite. The scale benchmark is bench/run.ts.
 *
 *   npm run bench -- workflow            # both drivers
 *   npm run bench -- workflow pglite     # one driver
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { migrateDatabase, type DbHandle } from '@/db';
import { resources, users } from '@/db/schema';
import { seedDemoData } from '@/lib/demo/seed';
import { userActor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/authz';
import { createStaffRequest } from '@/lib/booking/create';
import { findAlternatives } from '@/lib/booking/alternatives';
import { reviewQueue } from '@/lib/booking/queries';
import { addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { benchChangeRequest } from './change-request';
import { benchCheckIn } from './check-in';
import { onEachDriver } from './on-each-driver';
import { benchPublicRequest } from './public-request';

const RUNS = 30;

export function summarize(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  console.log(
    `${label.padEnd(50)} n=${String(sorted.length).padStart(3)}  median ${pct(50).toFixed(1).padStart(7)} ms` +
      `  p95 ${pct(95).toFixed(1).padStart(7)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(7)} ms`,
  );
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function actorFor(handle: DbHandle, email: string): Promise<UserActor> {
  const [u] = await handle.db.select().from(users).where(eq(users.email, email));
  return userActor(u);
}

async function benchDriver(handle: DbHandle): Promise<void> {
  console.log(`\n# ${handle.driver}`);
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  const db = handle.db;
  const staff = await actorFor(handle, 'staff@example.com');
  const admin = await actorFor(handle, 'admin@example.com');
  const settings = await getSettings(db);
  const calendar = await getHolidayCalendar(db);
  const today = dayInZone(new Date(), settings.timeZone);
  const [room] = await db.select().from(resources).where(eq(resources.code, 'MR-302'));

  // Distinct one-hour slots over the coming working days, 08:30–17:30.
  const slots: { startAt: Date; endAt: Date }[] = [];
  // From working day 10 on: the seeded bookings sit in the first days.
  for (let d = 10; slots.length < RUNS; d++) {
    const day = addWorkingDays(today, d, calendar);
    for (let h = 9; h <= 16 && slots.length < RUNS; h += 1) {
      slots.push({
        startAt: zonedInstant(day, `${String(h).padStart(2, '0')}:00`, settings.timeZone),
        endAt: zonedInstant(day, `${String(h + 1).padStart(2, '0')}:00`, settings.timeZone),
      });
    }
  }

  const create: number[] = [];
  const created: string[] = [];
  for (const slot of slots) {
    create.push(
      await time(async () => {
        const booking = await createStaffRequest(db, staff, { resourceId: room.id, ...slot, purpose: '基准测试', attendees: 4, phone: '13800138000' });
        created.push(booking.id);
      }),
    );
  }
  summarize('createStaffRequest (free slot)', create);

  const alternatives: number[] = [];
  for (const slot of slots) {
    alternatives.push(await time(() => findAlternatives(db, { resourceId: room.id, ...slot, attendees: 4, requesterKind: 'staff' })));
  }
  summarize('findAlternatives (taken slot)', alternatives);

  const queue: number[] = [];
  for (let i = 0; i < RUNS; i++) queue.push(await time(() => reviewQueue(db, admin)));
  summarize(`reviewQueue (${RUNS + 2} open requests)`, queue);

  await benchPublicRequest(db, { runs: RUNS, summarize, time });

  // Each fresh booking asks to move four weeks on, same hour: free, inside the horizon.
  const WEEK = 7 * 86_400_000;
  const moves = slots.map((slot, i) => ({
    bookingId: created[i],
    startAt: new Date(slot.startAt.getTime() + 4 * WEEK),
    endAt: new Date(slot.endAt.getTime() + 4 * WEEK),
  }));
  await benchChangeRequest(db, staff, moves, { summarize, time });

  // The same hours on another meeting room, approved and confirmed, then checked in.
  const [otherRoom] = await db.select().from(resources).where(eq(resources.code, 'MR-301'));
  await benchCheckIn(db, { applicant: staff, admin }, otherRoom.id, slots, { summarize, time });
}

export async function runWorkflow(only: string | undefined): Promise<void> {
  await onEachDriver(only, 'booking_bench', benchDriver);
}
