/**
 * The public booking grid offers exactly the starts the server accepts (issue 10 defect 3):
 * for each duration, every half-hour start of a day is "free" in the grid
 * (lib/customer/start-grid.ts, fed with the public availability answer) if and only if the
 * server's full slot check passes — set-up and clean-up buffers and closing time included.
 */
import { describe, expect, it } from 'vitest';
import { checkSlot } from '@/lib/booking/availability';
import { addDays, dayInZone } from '@/lib/calendar/working-days';
import { listPublicResources, publicAvailability } from '@/lib/customer/public';
import { buildColumns, gridRows, startState } from '@/lib/customer/start-grid';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import { at, NOW, resourceByCode, seedBooking, slot, TZ, useBookingTestDb } from '../helpers/booking-fixtures';

const { db } = useBookingTestDb();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = '2030-03-12';

describe('public start grid', () => {
  it('marks free exactly the starts the server accepts, for every duration, buffers included', async () => {
    // The showroom keeps 30 minutes before and after each booking, and closes at 17:30.
    const showroom = await resourceByCode(db(), 'SR-101');
    await seedBooking(db(), { resourceId: showroom.id, ...slot(DAY, '11:00', '12:00'), status: 'confirmed' });
    await seedBooking(db(), { resourceId: showroom.id, ...slot(DAY, '14:30', '15:00'), status: 'pending' });

    const resource = (await listPublicResources(db())).find((r) => r.id === showroom.id)!;
    const availability = await publicAvailability(db(), {
      resourceId: showroom.id,
      from: at(DAY, '00:00').toISOString(),
      to: at(addDays(DAY, 1), '00:00').toISOString(),
    });
    const busy = availability.busy.map((b) => ({ start: Date.parse(b.startAt), end: Date.parse(b.endAt) }));
    const settings = await getSettings(db());
    const ctx = {
      timeZone: TZ,
      earliest: NOW.getTime() + settings.customerMinNoticeHours * HOUR,
      lastDay: addDays(dayInZone(NOW, TZ), settings.bookingHorizonDays),
      holidays: await getHolidayCalendar(db()),
    };

    const states = new Set<string>();
    for (const minutes of [30, 60, 120]) {
      for (const clock of gridRows(resource)) {
        const state = startState(resource, DAY, clock, minutes, busy, ctx);
        states.add(state);
        const startAt = at(DAY, clock);
        const accepted = await checkSlot(
          db(),
          { resourceId: showroom.id, startAt, endAt: new Date(startAt.getTime() + minutes * MINUTE), requesterKind: 'customer', customerBookableOnly: true },
          { now: NOW },
        ).then(
          () => true,
          () => false,
        );
        expect(state === 'free', `${minutes} minutes from ${clock}: ${state}`).toBe(accepted);
      }
    }
    // The case the old grid got wrong: free half hours from which the booking does not fit.
    expect(states).toContain('short');
    expect(states).toContain('busy');
  });

  it('groups the week into columns that follow the duration', async () => {
    const showroom = (await listPublicResources(db())).find((r) => r.code === 'SR-101')!;
    const ctx = { timeZone: TZ, earliest: NOW.getTime(), lastDay: '2030-06-30', holidays: new Map() };
    const free = (minutes: number) =>
      buildColumns(showroom, '2030-03-18', minutes, [], ctx)[0].runs.filter((run) => run.state === 'free').length;
    // 09:00–17:30 with nothing booked: 17 half-hour starts for 30 minutes, 14 for two hours.
    expect(free(30)).toBe(17);
    expect(free(120)).toBe(14);
  });
});
