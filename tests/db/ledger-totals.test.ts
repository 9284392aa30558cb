import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, incidents } from '@/db/schema';
import { ledgerTotals } from '@/lib/resources/ledger-totals';
import { at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

describe('ledger totals of a resource over a period', () => {
  it('only admin may read them', async () => {
    const room = await resourceByCode(db(), 'MR-501');
    for (const who of ['staff', 'service'] as const) {
      await expectDomainError(ledgerTotals(db(), actors[who], room.id, { from: '2030-03-04', to: '2030-03-08' }), 'forbidden');
    }
  });

  it('sums booked and used hours, no-shows and reports of the days asked for (zone-aware, ends included)', async () => {
    const room = await resourceByCode(db(), 'MR-501');
    const other = await resourceByCode(db(), 'MR-601');
    // Monday to Friday, 4–8 March 2030: 3 kept bookings of 2 h, one of them used 1.5 h; one no-show of 2 h.
    const used = await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-04', '09:00', '11:00'), status: 'completed', requester: actors.staff });
    await db().update(bookings).set({ checkedInAt: at('2030-03-04', '09:10'), checkedOutAt: at('2030-03-04', '10:40') }).where(eq(bookings.id, used.id));
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-05', '14:00', '16:00'), status: 'confirmed', requester: actors.staff });
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-08', '16:00', '18:00'), status: 'confirmed', requester: actors.staff2 });
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-06', '09:00', '11:00'), status: 'no_show', requester: actors.staff2 });
    // Not counted: cancelled, pending, another resource, the day after the period.
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-07', '09:00', '11:00'), status: 'cancelled', requester: actors.staff });
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-07', '13:00', '14:00'), status: 'pending', requester: actors.staff });
    await seedBooking(db(), { resourceId: other.id, ...slot('2030-03-05', '09:00', '11:00'), status: 'confirmed', requester: actors.staff });
    await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-11', '09:00', '11:00'), status: 'confirmed', requester: actors.staff });
    await db().insert(incidents).values({ resourceId: room.id, severity: 'minor', description: '白板笔没水', createdAt: at('2030-03-05', '16:30') });

    expect(await ledgerTotals(db(), actors.admin, room.id, { from: '2030-03-04', to: '2030-03-08' })).toEqual({
      bookedHours: 8,
      usedHours: 1.5,
      noShows: 1,
      incidents: 1,
    });
    // One day only, the last of the period: its booking counts (the end day is included).
    expect(await ledgerTotals(db(), actors.admin, room.id, { from: '2030-03-08', to: '2030-03-08' })).toMatchObject({ bookedHours: 2, noShows: 0 });
  });

  it('a bad period is a field message', async () => {
    const room = await resourceByCode(db(), 'MR-501');
    await expectDomainError(ledgerTotals(db(), actors.admin, room.id, { from: '2030-03-08', to: '2030-03-01' }), 'invalid_input');
  });
});
