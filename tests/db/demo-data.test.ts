/**
 * The demo data tells no impossible story: every seeded booking's audit trail starts with its
 * submission and moves only by transitions of the table (lib/booking/state.ts), in time order,
 * ending in the booking's status; the times the domain sets match the events that set them.
 * Seeding again changes nothing, and the first real request continues the demo's numbering.
 */
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blackouts, bookingEvents, bookings, bookingSeries, users, type BookingStatus } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { resultStatus, TRANSITIONS, type TransitionAction } from '@/lib/booking/state';
import { replayStory } from '@/lib/demo/bookings';
import { seedDemoData } from '@/lib/demo/seed';
import { testDriver } from '../helpers/db';
import { NOW, resourceByCode, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const isTransition = (action: string): action is TransitionAction => Object.hasOwn(TRANSITIONS, action);

async function demoBookings() {
  const rows = await db().select().from(bookings).orderBy(asc(bookings.reference));
  return Promise.all(
    rows.map(async (booking) => ({
      booking,
      events: await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id)).orderBy(asc(bookingEvents.createdAt)),
    })),
  );
}

describe(`demo data (${testDriver})`, () => {
  it('gives every booking a history the transition table allows, in time order, ending in its status', async () => {
    const seeded = await demoBookings();
    // Eight single requests, then the weekly series' dates (four, less any day off it skips).
    expect(seeded.length).toBeGreaterThanOrEqual(10);
    expect(seeded.map((s) => s.booking.reference.slice(-6))).toEqual(seeded.map((_, i) => String(i + 1).padStart(6, '0')));
    for (const { booking, events } of seeded) {
      const where = `${booking.reference} (${booking.status})`;
      const [submitted, ...moves] = events;
      expect(submitted, where).toMatchObject({ action: 'submitted', fromStatus: null, toStatus: 'pending' });
      expect(submitted.createdAt.getTime(), where).toBe(booking.submittedAt.getTime());

      let status: BookingStatus = 'pending';
      let last = submitted.createdAt;
      for (const event of moves) {
        expect(isTransition(event.action), `${where}: ${event.action}`).toBe(true);
        const rule = TRANSITIONS[event.action as TransitionAction];
        expect(event.fromStatus, `${where}: ${event.action}`).toBe(status);
        expect((rule.from as readonly BookingStatus[]).includes(status), `${where}: ${event.action} from ${status}`).toBe(true);
        expect(event.toStatus, `${where}: ${event.action}`).toBe(resultStatus(event.action as TransitionAction, status));
        expect(event.createdAt.getTime(), `${where}: ${event.action} after the step before`).toBeGreaterThan(last.getTime());
        status = resultStatus(event.action as TransitionAction, status);
        last = event.createdAt;
      }
      expect(status, where).toBe(booking.status);
      expect(booking.updatedAt.getTime(), where).toBe(last.getTime());
      expect(booking.version, where).toBe(events.length);
      expect(last.getTime(), `${where}: history not in the future`).toBeLessThanOrEqual(Date.now());

      const at = (action: TransitionAction) => events.find((e) => e.action === action)?.createdAt.getTime() ?? null;
      expect(booking.approvedAt?.getTime() ?? null, where).toBe(at('approve'));
      expect(booking.confirmedAt?.getTime() ?? null, where).toBe(at('confirm'));
      if (booking.confirmedAt) expect(booking.confirmedAt.getTime(), where).toBeLessThan(booking.confirmDeadline!.getTime());
      if (booking.confirmDeadline) expect(booking.confirmDeadline.getTime(), where).toBeLessThanOrEqual(booking.startAt.getTime());
      // Check-in and check-out exist only after a confirmation (none are seeded today).
      if (booking.checkedInAt) expect(booking.confirmedAt, where).not.toBeNull();
      expect(['completed', 'in_use'].includes(booking.status) && !booking.confirmedAt, where).toBe(false);
    }
    expect(seeded.map((s) => s.booking.status)).toEqual(
      expect.arrayContaining(['pending', 'awaiting_confirmation', 'confirmed', 'cancelled', 'rejected', 'completed']),
    );
  });

  it('refuses to replay a step the table does not allow', () => {
    const submittedAt = new Date('2030-01-01T00:00:00Z');
    const story = {
      request: {
        reference: 'BK-2030-000099', resourceId: 'r', requesterKind: 'customer' as const, contactName: 'x',
        contactPhone: '1', contactEmail: 'x@example.com', channel: 'public' as const,
        startAt: new Date('2030-02-01T00:00:00Z'), endAt: new Date('2030-02-01T01:00:00Z'),
      },
      submittedAt,
      submittedBy: { kind: 'customer' as const },
    };
    const later = (hours: number) => new Date(submittedAt.getTime() + hours * 3_600_000);
    expect(() => replayStory({ ...story, steps: [{ action: 'confirm', at: later(1), by: { kind: 'customer' } }] }, 24)).toThrow(
      /confirm is not allowed from pending/,
    );
    expect(() =>
      replayStory({ ...story, steps: [{ action: 'approve', at: submittedAt, by: { kind: 'customer' } }] }, 24),
    ).toThrow(/not later than the step before/);
  });

  it('holds a confirmed weekly series whose dates are its bookings, numbered by the rule', async () => {
    const [series] = await db().select().from(bookingSeries);
    expect(series).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=4', purpose: '每周销售例会' });
    expect(series.reference).toMatch(/^RS-\d{4}-000001$/);
    const dates = await db().select().from(bookings).where(eq(bookings.seriesId, series.id)).orderBy(asc(bookings.occurrenceNo));
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect(dates[0]).toMatchObject({ occurrenceNo: 1, startAt: series.startAt, endAt: series.endAt, requesterUserId: series.requesterUserId });
    for (const booking of dates) {
      expect(booking.status).toBe('confirmed');
      expect(booking.occurrenceNo).toBeLessThanOrEqual(4);
      // Each a week after the first, at the same length.
      expect((booking.startAt.getTime() - series.startAt.getTime()) % (7 * 86_400_000)).toBeLessThan(2 * 3_600_000);
    }
  });

  it('seeding again changes nothing', async () => {
    const counts = async () => ({
      users: (await db().select({ n: count() }).from(users))[0].n,
      bookings: (await db().select({ n: count() }).from(bookings))[0].n,
      events: (await db().select({ n: count() }).from(bookingEvents))[0].n,
      blackouts: (await db().select({ n: count() }).from(blackouts))[0].n,
    });
    const before = await counts();
    await seedDemoData(db());
    expect(await counts()).toEqual(before);
  });

  it('numbers the first real request right after the demo bookings', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const booking = await createStaffRequest(
      db(),
      actors.staff,
      { resourceId: room.id, ...slot('2030-03-06', '09:00', '10:00'), purpose: '周会', attendees: 3, phone: '138 0013 8000' },
      { now: NOW },
    );
    const [{ n }] = await db().select({ n: count() }).from(bookings);
    expect(booking.reference).toBe(`BK-2030-${String(n).padStart(6, '0')}`);
  });
});
