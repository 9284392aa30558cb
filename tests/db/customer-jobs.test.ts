/**
 * The visit reminder job: confirmed customer bookings `visit_reminder_hours` before the start,
 * once per start time — also with two runners at once on PostgreSQL — none for staff, none
 * once the visit has begun, none when the customer confirmed inside the window. Also: the job
 * is registered with the cron registry.
 */
import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookingEvents, bookings, emailOutbox, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { sendVisitReminders } from '@/lib/customer/jobs';
import { isJobName, jobNames } from '@/lib/jobs';
import { NOW, loadActors, resourceByCode, seedBooking, type Who } from '../helpers/booking-fixtures';
import { testDriver, useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
let actors: Record<Who, UserActor>;
let showroomId: string;
let offset = 0;

beforeAll(async () => {
  actors = await loadActors(db());
  showroomId = (await resourceByCode(db(), 'SR-101')).id;
});

/** A confirmed booking starting `hoursAhead` after NOW (each on its own hour, never clashing). */
async function confirmed(
  hoursAhead: number,
  opts: { staff?: boolean; confirmedHoursBeforeStart?: number } = {},
): Promise<Booking> {
  const startAt = new Date(NOW.getTime() + hoursAhead * HOUR + offset++ * 7 * 24 * HOUR);
  const booking = await seedBooking(db(), {
    resourceId: showroomId,
    requester: opts.staff ? actors.staff : undefined,
    startAt,
    endAt: new Date(startAt.getTime() + HOUR),
    status: 'confirmed',
  });
  const [row] = await db()
    .update(bookings)
    .set({ confirmedAt: new Date(startAt.getTime() - (opts.confirmedHoursBeforeStart ?? 72) * HOUR) })
    .where(eq(bookings.id, booking.id))
    .returning();
  return row;
}

/** The job runs at `start − hoursBefore`, whatever week the booking was put in. */
const runAt = (booking: Booking, hoursBefore: number) => new Date(booking.startAt.getTime() - hoursBefore * HOUR);

const reminders = async (ids: string[]) =>
  (await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids))).filter(
    (m) => m.template === 'visit-reminder',
  );

describe('sendVisitReminders', () => {
  it('reminds a confirmed customer once, within the window before the start', async () => {
    const booking = await confirmed(100);
    expect(await sendVisitReminders(db(), runAt(booking, 25))).toEqual({ sent: 0 });
    expect(await sendVisitReminders(db(), runAt(booking, 23))).toEqual({ sent: 1 });
    expect(await sendVisitReminders(db(), runAt(booking, 22))).toEqual({ sent: 0 });
    const mails = await reminders([booking.id]);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: booking.contactEmail, locale: 'zh' });
    expect((mails[0].payload as { links: { view: string } }).links.view).toMatch(/\/m\//);
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.map((e) => e.action)).toEqual(['visit_reminder']);
  });

  it('a moved booking is reminded of its new time', async () => {
    const booking = await confirmed(100);
    await sendVisitReminders(db(), runAt(booking, 23));
    const [moved] = await db()
      .update(bookings)
      .set({
        startAt: new Date(booking.startAt.getTime() + 2 * HOUR),
        endAt: new Date(booking.endAt.getTime() + 2 * HOUR),
      })
      .where(eq(bookings.id, booking.id))
      .returning();
    await sendVisitReminders(db(), runAt(moved, 23));
    expect(await reminders([booking.id])).toHaveLength(2);
  });

  it('none for staff, none once started, none when confirmed inside the window', async () => {
    const staff = await confirmed(100, { staff: true });
    const lateConfirmed = await confirmed(100, { confirmedHoursBeforeStart: 10 });
    const started = await confirmed(100);
    await sendVisitReminders(db(), runAt(staff, 23));
    await sendVisitReminders(db(), runAt(lateConfirmed, 5));
    await sendVisitReminders(db(), new Date(started.startAt.getTime() + 60_000));
    expect(await reminders([staff.id, lateConfirmed.id, started.id])).toEqual([]);
  });

  it('is registered as a cron job', () => {
    expect(isJobName('send-visit-reminders')).toBe(true);
    expect(jobNames.indexOf('send-visit-reminders')).toBeLessThan(jobNames.indexOf('deliver-outbox'));
  });
});

// Two connections at once: PGlite has one, so this part exists on PostgreSQL only.
if (testDriver === 'postgres') describe('sendVisitReminders with two runners on PostgreSQL', () => {
  it('every due reminder is sent exactly once', async () => {
    const due = await Promise.all(Array.from({ length: 6 }, () => confirmed(100)));
    // All due at one moment: the latest start among them, 23 h before.
    const latest = due.reduce((a, b) => (a.startAt > b.startAt ? a : b));
    const now = runAt(latest, 23);
    // Earlier bookings would have started already; keep them all inside the window.
    for (const b of due) {
      const startAt = new Date(now.getTime() + 12 * HOUR + due.indexOf(b) * 2 * HOUR);
      await db()
        .update(bookings)
        .set({ startAt, endAt: new Date(startAt.getTime() + HOUR) })
        .where(eq(bookings.id, b.id));
    }
    const clients = [0, 1].map(() => postgres(handle().url!, { max: 4, onnotice: () => {} }));
    try {
      const runners = clients.map((client) => drizzle({ client, schema }) as unknown as Db);
      const results = await Promise.all(runners.map((runner) => sendVisitReminders(runner, now)));
      const ids = due.map((b) => b.id);
      expect(results[0].sent + results[1].sent).toBe(ids.length);
      const mails = await reminders(ids);
      expect(mails).toHaveLength(ids.length);
      expect(new Set(mails.map((m) => m.bookingId)).size).toBe(ids.length);
    } finally {
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
    }
  });
});
