/**
 * How long the no-show release takes for 10,000 overdue bookings at once (a scheduler that was
 * down for a long time, or a very large install): the one UPDATE that claims them, their audit
 * events and one e-mail each, in one transaction. Prints the figure; a second run must find
 * nothing left.
 *
 *   npx tsx bench/no-show-release.ts            # both drivers
 *   npx tsx bench/no-show-release.ts postgres   # one driver
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { count, eq, inArray } from 'drizzle-orm';
import { migrateDatabase, type DbHandle } from '@/db';
import { bookings, emailOutbox, resources, users, type NewBooking } from '@/db/schema';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { seedDemoData } from '@/lib/demo/seed';
import { onEachDriver } from './on-each-driver';

const OVERDUE = 10_000;
const HOUR = 3_600_000;

async function benchDriver(handle: DbHandle): Promise<void> {
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  const db = handle.db;
  const [staff] = await db.select().from(users).where(eq(users.email, 'staff@example.com'));
  const rooms = await db.select().from(resources).where(eq(resources.requiresCheckIn, true));
  // One-hour bookings two hours apart on every check-in resource, all started in the past year.
  const now = new Date();
  const first = now.getTime() - 400 * 24 * HOUR;
  const rows: NewBooking[] = Array.from({ length: OVERDUE }, (_, i) => {
    const startAt = new Date(first + Math.floor(i / rooms.length) * 2 * HOUR);
    return {
      reference: `NS-${randomBytes(6).toString('hex')}`,
      resourceId: rooms[i % rooms.length].id,
      requesterKind: 'staff',
      requesterUserId: staff.id,
      departmentId: staff.departmentId,
      contactName: staff.name,
      contactPhone: '021-5888 0000',
      contactEmail: staff.email,
      channel: 'portal',
      purpose: 'bench',
      startAt,
      endAt: new Date(startAt.getTime() + HOUR),
      status: 'confirmed',
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(bookings).values(rows.slice(i, i + 1000));

  const start = performance.now();
  const { released } = await releaseNoShows(db, now);
  const ms = performance.now() - start;
  const again = await releaseNoShows(db, now);
  const [{ mails }] = await db
    .select({ mails: count() })
    .from(emailOutbox)
    .where(inArray(emailOutbox.template, ['no-show-released']));
  console.log(
    `${handle.driver.padEnd(8)} release-no-shows: ${released} bookings in ${(ms / 1000).toFixed(2)} s` +
      ` (${(ms / released).toFixed(2)} ms each), ${mails} e-mails queued; second run released ${again.released}`,
  );
}

await onEachDriver(process.argv[2], `booking_bench_noshow_${randomBytes(4).toString('hex')}`, benchDriver);
