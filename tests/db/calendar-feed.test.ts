/**
 * The booking calendars' data (lib/staff-booking/calendar-feed.ts, served by GET
 * /api/v1/calendar): every resource at once — 200 and more, no cap — or those of one type or
 * the ones named; signed-in users only; a bad query is a 422 with field keys.
 */
import { describe, expect, it } from 'vitest';
import { resources, resourceTypes } from '@/db/schema';
import { ANONYMOUS } from '@/lib/authz';
import { feedQuerySchema, loadCalendarFeed } from '@/lib/staff-booking/calendar-feed';
import { expectDomainError, NOW, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const WEEK = { from: '2030-04-01', to: '2030-04-08', bookable: false };

describe('calendar feed', () => {
  it('shows every resource at once, 200 and more, with each one\'s bookings', async () => {
    const [type] = await db().insert(resourceTypes).values({ code: 'hot_desk', nameZh: '工位', nameEn: 'Hot desk', sortOrder: 9 }).returning();
    const rows = await db()
      .insert(resources)
      .values(Array.from({ length: 200 }, (_, i) => ({ code: `HD-${i}`, nameZh: `工位 ${i}`, nameEn: `Desk ${i}`, typeId: type.id, location: '总部 2 楼' })))
      .returning();
    // One booking on each of the first and the last of them.
    for (const desk of [rows[0], rows[199]]) {
      await seedBooking(db(), { resourceId: desk.id, requester: actors.staff, ...slot('2030-04-02', '10:00', '11:00') });
    }
    const everything = await loadCalendarFeed(db(), actors.staff2, WEEK, NOW);
    const seen = new Set(everything.entries.map((e) => e.resourceId));
    expect(seen).toContain(rows[0].id);
    expect(seen).toContain(rows[199].id);
    expect(everything.open).toBeNull();

    const ofType = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, typeId: type.id }, NOW);
    expect(ofType.entries.map((e) => e.resourceId).sort()).toEqual([rows[0].id, rows[199].id].sort());
    // Named ones, all 200 of them in one query string.
    const named = feedQuerySchema.parse({ ...WEEK, resourceIds: rows.map((r) => r.id).join(','), bookable: 'false' });
    expect(named.resourceIds).toHaveLength(200);
    expect((await loadCalendarFeed(db(), actors.staff2, named, NOW)).entries).toHaveLength(2);
  });

  it('one resource also gets its bookable windows; other people\'s purposes follow the viewer', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const booking = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...slot('2030-04-03', '14:00', '15:00') });
    const feed = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, resourceIds: room.id, bookable: 'true' }, NOW);
    expect(feed.open?.length).toBeGreaterThan(0);
    expect(feed.entries.find((e) => e.id === booking.id)).toMatchObject({ start: '2030-04-03T14:00', mine: false, title: '测试' });
    const mine = await loadCalendarFeed(db(), actors.staff, { ...WEEK, resourceIds: room.id }, NOW);
    expect(mine.entries.find((e) => e.id === booking.id)?.mine).toBe(true);
  });

  it('refuses the anonymous and bad queries (422 with field keys)', async () => {
    await expectDomainError(loadCalendarFeed(db(), ANONYMOUS, WEEK, NOW), 'unauthenticated');
    const bad = await expectDomainError(
      loadCalendarFeed(db(), actors.staff, { from: '2030-04-08', to: '2030-04-01', resourceIds: 'MR-302' }, NOW),
      'invalid_input',
    );
    expect(bad.details.fields).toEqual({ 'resourceIds.0': ['invalid_id'], to: ['invalid_range'] });
  });
});
