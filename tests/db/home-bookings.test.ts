/**
 * The home page's "my bookings" order: upcoming (confirmed or in use) soonest first, then those
 * still in progress (to confirm, to supplement, under review) soonest first, finished ones
 * (ended in any way, or past their end) last, latest first.
 */
import { describe, expect, it } from 'vitest';
import { homeBookingsFor } from '@/lib/home/queries';
import { resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

describe('home bookings', () => {
  it('lists upcoming first, then in progress, then finished', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const now = slot('2036-05-05', '12:00', '13:00').startAt;
    const seed = async (status: Parameters<typeof seedBooking>[1]['status'], day: string) =>
      (await seedBooking(db(), { resourceId: room.id, requester: actors.staff2, status, ...slot(day, '09:00', '10:00') })).id;
    // Seeded out of order on purpose.
    const finishedEarly = await seed('completed', '2036-05-01');
    const pendingLate = await seed('pending', '2036-05-20');
    const confirmedLate = await seed('confirmed', '2036-05-15');
    const cancelledLate = await seed('cancelled', '2036-05-12');
    const awaitingSoon = await seed('awaiting_confirmation', '2036-05-07');
    const confirmedSoon = await seed('confirmed', '2036-05-06');
    const confirmedPast = await seed('confirmed', '2036-05-02');
    const needsInfo = await seed('needs_info', '2036-05-08');

    const listed = (await homeBookingsFor(db(), actors.staff2, 50, now)).map((b) => b.id);
    const mine = [finishedEarly, pendingLate, confirmedLate, cancelledLate, awaitingSoon, confirmedSoon, confirmedPast, needsInfo];
    expect(listed.filter((id) => mine.includes(id))).toEqual([
      confirmedSoon,
      confirmedLate,
      awaitingSoon,
      needsInfo,
      pendingLate,
      cancelledLate,
      confirmedPast,
      finishedEarly,
    ]);
    // The demo data's bookings, all before 2036, come after this test's live ones.
    expect(listed.slice(0, 5)).toEqual([confirmedSoon, confirmedLate, awaitingSoon, needsInfo, pendingLate]);
  });
});
