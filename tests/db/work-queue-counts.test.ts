/** The navigation's counts of waiting work (lib/work-queue/counts.ts), by role, against the rows they count. */
import { and, count, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, changeRequests, coordinationRequests, incidents, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { workQueueCounts } from '@/lib/work-queue/counts';
import { at, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const total = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

describe('work-queue counts', () => {
  it('admin sees the review queue and open damage reports; a new request raises the first by one', async () => {
    const reviewBefore =
      (await total(db().select({ n: count() }).from(bookings).where(eq(bookings.status, 'pending')))) +
      (await total(db().select({ n: count() }).from(changeRequests).where(eq(changeRequests.status, 'pending'))));
    const openIncidents = await total(db().select({ n: count() }).from(incidents).where(eq(incidents.status, 'open')));
    const before = await workQueueCounts(db(), actors.admin);
    expect(before.review ?? 0).toBe(reviewBefore);
    expect(before.incidents ?? 0).toBe(openIncidents);

    const room = await resourceByCode(db(), 'MR-302');
    await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...slot('2030-05-07', '10:00', '11:00') });
    expect((await workQueueCounts(db(), actors.admin)).review).toBe(reviewBefore + 1);
  });

  it('staff see no admin counts; customer service its customers to tell; a contact its coordination requests', async () => {
    const staff = await workQueueCounts(db(), actors.staff);
    expect(staff.review).toBeUndefined();
    expect(staff.incidents).toBeUndefined();
    expect(staff.desk).toBeUndefined();

    const room = await resourceByCode(db(), 'MR-302');
    const confirmed = await seedBooking(db(), { resourceId: room.id, ...slot('2030-05-08', '10:00', '11:00'), status: 'confirmed' });
    await db().update(bookings).set({ confirmedAt: at('2030-03-01', '10:00') }).where(eq(bookings.id, confirmed.id));
    const desk = (await workQueueCounts(db(), actors.service)).desk ?? 0;
    expect(desk).toBeGreaterThan(0);

    const [contactRow] = await db().update(users).set({ isDepartmentContact: true }).where(eq(users.id, actors.staff2.id)).returning();
    const contact = userActor(contactRow);
    await db()
      .insert(coordinationRequests)
      .values({ bookingId: confirmed.id, departmentId: contact.departmentId!, message: '请协调', requestedById: actors.admin.id });
    const open = await total(
      db()
        .select({ n: count() })
        .from(coordinationRequests)
        .where(and(eq(coordinationRequests.departmentId, contact.departmentId!), isNull(coordinationRequests.answer))),
    );
    expect((await workQueueCounts(db(), contact)).coordination).toBe(open);
    expect(open).toBeGreaterThan(0);
  });
});
