/**
 * The booking calendars' data (lib/staff-booking/calendar-feed.ts, served by GET
 * /api/v1/calendar): every resource at once — 200 and more, no cap — or those of one type or
 * the ones named; signed-in users only; a bad query is a 422 with field keys.
 */
import { describe, expect, it } from 'vitest';
import { resources, resourceTypes } from '@/db/schema';
import { ANONYMOUS } from '@/lib/authz';
import { rejectChange } from '@/lib/booking/reject-change';
import { requestChange } from '@/lib/booking/request-change';
import { feedQuerySchema, loadCalendarFeed } from '@/lib/staff-booking/calendar-feed';
import { feedEntries } from '@/lib/staff-booking/feed-entries';
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
    const seen = new Set(feedEntries(everything).map((e) => e.resourceId));
    expect(seen).toContain(rows[0].id);
    expect(seen).toContain(rows[199].id);
    // Grouped by resource; a resource with nothing on it is left out.
    const desks = everything.resources.filter((r) => r.resourceId === rows[0].id || r.resourceId === rows[199].id);
    expect(desks.map((r) => r.entries.length)).toEqual([1, 1]);
    expect(everything.resources.every((r) => r.entries.length > 0)).toBe(true);
    expect(everything.open).toBeNull();

    const ofType = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, typeId: type.id }, NOW);
    expect(feedEntries(ofType).map((e) => e.resourceId).sort()).toEqual([rows[0].id, rows[199].id].sort());
    // Named ones, all 200 of them in one query string.
    const named = feedQuerySchema.parse({ ...WEEK, resourceIds: rows.map((r) => r.id).reverse().join(','), bookable: 'false' });
    expect(named.resourceIds).toHaveLength(200);
    const fromNamed = await loadCalendarFeed(db(), actors.staff2, named, NOW);
    expect(feedEntries(fromNamed)).toHaveLength(2);
    // In the order asked for: the last desk first.
    expect(fromNamed.resources.map((r) => r.resourceId)).toEqual([rows[199].id, rows[0].id]);
  });

  it('one resource also gets its bookable windows; other people\'s purposes follow the viewer', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const booking = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...slot('2030-04-03', '14:00', '15:00') });
    const feed = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, resourceIds: room.id, bookable: 'true' }, NOW);
    expect(feed.open?.length).toBeGreaterThan(0);
    expect(feedEntries(feed).find((e) => e.id === booking.id)).toMatchObject({ start: '2030-04-03T14:00', title: '测试' });
    expect(feedEntries(feed).find((e) => e.id === booking.id)).not.toHaveProperty('mine');
    const mine = await loadCalendarFeed(db(), actors.staff, { ...WEEK, resourceIds: room.id }, NOW);
    expect(feedEntries(mine).find((e) => e.id === booking.id)?.mine).toBe(true);
  });

  it("draws a pending change request's hold apart from bookings, until admin decides", async () => {
    const room = await resourceByCode(db(), 'MR-501');
    const booking = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, status: 'confirmed', ...slot('2030-04-02', '10:00', '11:00') });
    const change = await requestChange(db(), actors.staff, { bookingId: booking.id, ...slot('2030-04-04', '15:00', '16:00'), reason: '客户改期' }, { now: NOW });

    const seen = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, resourceIds: room.id }, NOW);
    // The booking stays where it is; the time asked for is held too, marked as such.
    expect(feedEntries(seen).find((e) => e.id === booking.id)).toMatchObject({ kind: 'booking', start: '2030-04-02T10:00' });
    expect(feedEntries(seen).find((e) => e.id === change.id)).toEqual({
      id: change.id,
      resourceId: room.id,
      start: '2030-04-04T15:00',
      end: '2030-04-04T16:00',
      kind: 'change_hold',
      title: '测试',
      requesterKind: 'staff',
      changeOf: booking.id,
    });
    // Every resource at once too; the applicant sees it as theirs.
    const all = await loadCalendarFeed(db(), actors.staff, WEEK, NOW);
    expect(feedEntries(all).find((e) => e.id === change.id)).toMatchObject({ kind: 'change_hold', mine: true, changeOf: booking.id });

    await rejectChange(db(), actors.admin, { bookingId: booking.id, reason: '该时段另有安排' }, { now: NOW });
    const after = await loadCalendarFeed(db(), actors.staff2, { ...WEEK, resourceIds: room.id }, NOW);
    expect(feedEntries(after).filter((e) => e.kind === 'change_hold')).toEqual([]);
  });

  it("hides a customer's purpose on a change hold from staff, as on the booking", async () => {
    const showroom = await resourceByCode(db(), 'SR-101');
    const visit = await seedBooking(db(), { resourceId: showroom.id, status: 'confirmed', ...slot('2030-04-02', '10:00', '11:00') });
    const customer = { kind: 'customer' as const, bookingId: visit.id, email: 'guest@customer.example.com' };
    const change = await requestChange(db(), customer, { bookingId: visit.id, ...slot('2030-04-03', '10:00', '11:00'), reason: '行程变化' }, { now: NOW });
    const staffView = await loadCalendarFeed(db(), actors.staff, { ...WEEK, resourceIds: showroom.id }, NOW);
    expect(feedEntries(staffView).find((e) => e.id === change.id)).toMatchObject({ kind: 'change_hold', requesterKind: 'customer' });
    expect(feedEntries(staffView).find((e) => e.id === change.id)).not.toHaveProperty('title');
    const serviceView = await loadCalendarFeed(db(), actors.service, { ...WEEK, resourceIds: showroom.id }, NOW);
    expect(feedEntries(serviceView).find((e) => e.id === change.id)?.title).toBe('测试');
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
