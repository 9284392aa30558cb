import { and, count, eq, inArray, lte } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookingEvents, bookings, emailOutbox } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { expireUnconfirmed, sendConfirmationReminders } from '@/lib/booking/jobs';
import { approveBooking } from '@/lib/booking/review';
import type { UserActor } from '@/lib/authz';
import { testDriver, useTestDb } from '../helpers/db';
import { NOW, expectDomainError, loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
let actors: Record<Who, UserActor>;
let resourceId: string;
/** A second database client, so that the two job runs really overlap on PostgreSQL. */
let second: Db;
let secondClient: postgres.Sql | undefined;

beforeAll(async () => {
  actors = await loadActors(db());
  resourceId = (await resourceByCode(db(), 'MR-302')).id;
  if (testDriver === 'postgres') {
    secondClient = postgres(handle().url!, { max: 10, onnotice: () => {} });
    second = drizzle({ client: secondClient, schema }) as unknown as Db;
  } else {
    second = db();
  }
});

afterAll(async () => {
  await secondClient?.end({ timeout: 5 });
});

let slotIndex = 0;
function awaiting(confirmDeadline: Date, approvedAt: Date) {
  const startAt = new Date(Date.UTC(2030, 7, 1) + slotIndex++ * 2 * HOUR);
  return seedBooking(db(), {
    resourceId,
    startAt,
    endAt: new Date(startAt.getTime() + HOUR),
    status: 'awaiting_confirmation',
    requester: actors.staff,
    approvedAt,
    confirmDeadline,
  });
}

async function perBooking(ids: string[], action: string, template: string) {
  const events = await db()
    .select({ bookingId: bookingEvents.bookingId, n: count() })
    .from(bookingEvents)
    .where(and(inArray(bookingEvents.bookingId, ids), eq(bookingEvents.action, action)))
    .groupBy(bookingEvents.bookingId);
  const mails = await db()
    .select({ bookingId: emailOutbox.bookingId, n: count() })
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.template, template)))
    .groupBy(emailOutbox.bookingId);
  return {
    events: Object.fromEntries(events.map((e) => [e.bookingId, e.n])),
    mails: Object.fromEntries(mails.map((m) => [m.bookingId, m.n])),
  };
}

const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

describe(`scheduled jobs (${testDriver})`, () => {
  it('expiry frees the slot at once', async () => {
    const time = slot('2030-03-13', '10:00', '11:00');
    const request = { resourceId, ...time, purpose: '周会', phone: '021-5888 0001' };
    const booking = await createStaffRequest(db(), actors.staff, request, { now: NOW });
    const approved = await approveBooking(db(), actors.admin, { bookingId: booking.id, opinion: '同意' }, { now: NOW });
    const afterDeadline = new Date(approved.confirmDeadline!.getTime() + 60_000);

    await expectDomainError(createStaffRequest(db(), actors.staff2, request, { now: afterDeadline }), 'slot_taken');
    const { expired } = await expireUnconfirmed(db(), afterDeadline);
    expect(expired).toBeGreaterThanOrEqual(1);
    const [row] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row.status).toBe('expired');
    await expect(createStaffRequest(db(), actors.staff2, request, { now: afterDeadline })).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('does not expire before the deadline', async () => {
    const booking = await awaiting(new Date(NOW.getTime() + HOUR), NOW);
    await expireUnconfirmed(db(), NOW);
    const [row] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row.status).toBe('awaiting_confirmation');
  });

  it('two expiry runs at once handle every due booking exactly once', async () => {
    const due = await Promise.all(Array.from({ length: 12 }, () => awaiting(new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() - 25 * HOUR))));
    const ids = due.map((b) => b.id);
    const [{ n: dueCount }] = await db()
      .select({ n: count() })
      .from(bookings)
      .where(and(eq(bookings.status, 'awaiting_confirmation'), lte(bookings.confirmDeadline, NOW)));
    const [a, b] = await Promise.all([expireUnconfirmed(db(), NOW), expireUnconfirmed(second, NOW)]);
    expect(a.expired + b.expired).toBe(dueCount);
    expect(await perBooking(ids, 'expire', 'expired')).toEqual({ events: once(ids), mails: once(ids) });
    expect(await expireUnconfirmed(db(), NOW)).toEqual({ expired: 0 });
  });

  it('two reminder runs at once remind every due booking exactly once', async () => {
    // Approved 21 h ago with a 24 h window: the deadline is 3 h away, inside the 6 h reminder.
    const due = await Promise.all(
      Array.from({ length: 12 }, () => awaiting(new Date(NOW.getTime() + 3 * HOUR), new Date(NOW.getTime() - 21 * HOUR))),
    );
    const notYet = await awaiting(new Date(NOW.getTime() + 7 * HOUR), new Date(NOW.getTime() - 17 * HOUR));
    // A window shorter than the reminder: the approval mail has just said it all.
    const shortWindow = await awaiting(new Date(NOW.getTime() + 3 * HOUR), new Date(NOW.getTime() - HOUR));
    const ids = due.map((b) => b.id);

    const [a, b] = await Promise.all([sendConfirmationReminders(db(), NOW), sendConfirmationReminders(second, NOW)]);
    expect(a.sent + b.sent).toBe(due.length);
    expect(await perBooking(ids, 'confirmation_reminder', 'confirmation-reminder')).toEqual({
      events: once(ids),
      mails: once(ids),
    });
    expect(await sendConfirmationReminders(db(), new Date(NOW.getTime() + HOUR / 2))).toEqual({ sent: 0 });
    const skipped = await perBooking([notYet.id, shortWindow.id], 'confirmation_reminder', 'confirmation-reminder');
    expect(skipped).toEqual({ events: {}, mails: {} });

    // The later one becomes due in its turn.
    expect(await sendConfirmationReminders(db(), new Date(NOW.getTime() + 2 * HOUR))).toEqual({ sent: 1 });
  });

  it('a re-approval (new deadline) may remind again', async () => {
    const booking = await awaiting(new Date(NOW.getTime() + 3 * HOUR), new Date(NOW.getTime() - 21 * HOUR));
    expect((await sendConfirmationReminders(db(), NOW)).sent).toBeGreaterThanOrEqual(1);
    await db()
      .update(bookings)
      .set({
        status: 'pending',
        approvedAt: null,
        confirmDeadline: null,
      })
      .where(eq(bookings.id, booking.id));
    const later = new Date(NOW.getTime() + 2 * HOUR);
    const reapproved = await approveBooking(db(), actors.admin, { bookingId: booking.id, opinion: '重新批准' }, { now: later });
    expect(reapproved.confirmationReminderSentAt).toBeNull();
    expect((await sendConfirmationReminders(db(), new Date(reapproved.confirmDeadline!.getTime() - HOUR))).sent).toBe(1);
    const mails = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'confirmation-reminder')));
    expect(mails).toHaveLength(2);
  });
});
