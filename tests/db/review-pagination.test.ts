import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { reviewQueue } from '@/lib/booking/queries';
import { loadReviewLists, parseReviewSearch, REVIEW_PAGE_SIZE } from '@/lib/booking/review-queue';
import { addDays } from '@/lib/calendar/working-days';
import { testDriver } from '../helpers/db';
import { resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const WAITING = 3;
let pendingTotal = 0;
let roomId = '';

beforeAll(async () => {
  const room = await resourceByCode(db(), 'MR-601');
  roomId = room.id;
  for (let i = 0; i < 2 * REVIEW_PAGE_SIZE + 20; i++) {
    await seedBooking(db(), { resourceId: room.id, ...slot(addDays('2030-05-01', i), '09:00', '10:00'), requester: actors.staff });
  }
  for (let i = 0; i < WAITING; i++) {
    await seedBooking(db(), { resourceId: room.id, ...slot(addDays('2030-05-01', i), '14:00', '15:00'), status: 'needs_info' });
  }
  [{ n: pendingTotal }] = await db().select({ n: count() }).from(bookings).where(eq(bookings.status, 'pending'));
});

describe(`review dashboard pages (${testDriver})`, () => {
  it('shows one page of the queue, places counted over the whole queue, every tab counted', async () => {
    const whole = await reviewQueue(db(), actors.admin);
    const first = await loadReviewLists(db(), actors.admin, { tab: 'pending', filters: {} });
    expect(first.counts.pending).toBe(pendingTotal);
    expect(first.counts.pending).toBe(whole.length);
    expect(first.counts.open).toBe(first.counts.pending + first.counts.needs_info);
    expect(first.rows).toHaveLength(REVIEW_PAGE_SIZE);
    expect(first.rows.map((r) => r.position)).toEqual(whole.slice(0, REVIEW_PAGE_SIZE).map((q) => q.position));
    expect(first.pageCount).toBe(Math.ceil(pendingTotal / REVIEW_PAGE_SIZE));

    const second = await loadReviewLists(db(), actors.admin, { tab: 'pending', filters: {}, page: 2 });
    expect(second.rows.map((r) => r.booking.id)).toEqual(whole.slice(REVIEW_PAGE_SIZE, 2 * REVIEW_PAGE_SIZE).map((q) => q.booking.id));
  });

  it('answers a page past the end with the last one, and the open tab continues into the waiting list', async () => {
    const beyond = await loadReviewLists(db(), actors.admin, parseReviewSearch({ tab: 'open', page: '999' }));
    expect(beyond.page).toBe(beyond.pageCount);
    const shownBefore = (beyond.page - 1) * REVIEW_PAGE_SIZE;
    expect(beyond.rows).toHaveLength(beyond.counts.open - shownBefore);
    const waiting = beyond.rows.filter((r) => r.reason === 'waiting');
    expect(waiting).toHaveLength(beyond.counts.needs_info);
    // The queue's tail comes first, then the waiting list.
    expect(beyond.rows.slice(-waiting.length)).toEqual(waiting);
    expect(beyond.rows.slice(0, -waiting.length).every((r) => r.position !== null && r.position > shownBefore)).toBe(true);
  });

  it('filters before paging and keeps the real places; a bad page number is page 1', async () => {
    const filtered = await loadReviewLists(db(), actors.admin, parseReviewSearch({ tab: 'needs_info', resource: roomId, page: 'x' }));
    expect(filtered.page).toBe(1);
    const [{ n: waitingHere }] = await db()
      .select({ n: count() })
      .from(bookings)
      .where(and(eq(bookings.status, 'needs_info'), eq(bookings.resourceId, roomId)));
    expect(waitingHere).toBeGreaterThanOrEqual(WAITING);
    expect(filtered.counts.needs_info).toBe(waitingHere);
    expect(filtered.rows.every((r) => r.resource.id === roomId && r.reason === 'waiting')).toBe(true);

    const mine = await loadReviewLists(db(), actors.admin, parseReviewSearch({ tab: 'pending', resource: roomId, page: '3' }));
    const whole = await reviewQueue(db(), actors.admin, { resourceId: roomId });
    expect(whole.length).toBeGreaterThanOrEqual(2 * REVIEW_PAGE_SIZE + 20);
    expect(mine.counts.pending).toBe(whole.length);
    expect(mine.rows.map((r) => r.position)).toEqual(whole.slice(2 * REVIEW_PAGE_SIZE, 3 * REVIEW_PAGE_SIZE).map((q) => q.position));
    // Real places: the room's requests are not the first in the whole queue.
    expect(mine.rows[0].position).toBeGreaterThan(2 * REVIEW_PAGE_SIZE);
  });
});
