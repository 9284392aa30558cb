/**
 * The one booking-list query builder (lib/booking/list-query.ts) against a plain statement of
 * each filter, over every booking in the database: every field alone and combined, the overlap
 * window's edges (a booking ending exactly at `from` is in, one starting exactly at `to` is
 * out), a day in the organisation's zone while the process runs in another, and ids that are
 * not UUIDs (nothing, never a database error).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, resources, type Booking, type Resource } from '@/db/schema';
import { bookingListWhere, dayBounds, selectBookingList, type BookingListFilter } from '@/lib/booking/list-query';
import { listMyBookings } from '@/lib/booking/queries';
import { searchCustomerBookings } from '@/lib/customer/service-desk';
import { at, resourceByCode, seedBooking, slot, TZ, useBookingTestDb } from '../helpers/booking-fixtures';
import { testDriver } from '../helpers/db';

const { db, actors } = useBookingTestDb();

/** What each filter means, stated plainly (the JavaScript the builder replaced). */
function matches({ booking: b, resource: r }: { booking: Booking; resource: Resource }, f: BookingListFilter): boolean {
  const statuses = f.status === undefined ? undefined : typeof f.status === 'string' ? [f.status] : f.status;
  return (
    (!statuses || statuses.includes(b.status)) &&
    (!f.resourceId || b.resourceId === f.resourceId) &&
    (!f.typeId || r.typeId === f.typeId) &&
    (!f.departmentId || b.departmentId === f.departmentId) &&
    (!f.requesterKind || b.requesterKind === f.requesterKind) &&
    (!f.requesterUserId || b.requesterUserId === f.requesterUserId) &&
    (!f.channel || b.channel === f.channel) &&
    (!f.importantOnly || b.importantCustomer) &&
    (!f.from || b.endAt >= f.from) &&
    (!f.to || b.startAt < f.to) &&
    (!f.startsFrom || b.startAt >= f.startsFrom) &&
    (!f.startsBefore || b.startAt < f.startsBefore)
  );
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function listed(filter: BookingListFilter): Promise<string[]> {
  return ids(await selectBookingList(db(), { id: bookings.id }).where(bookingListWhere(filter)));
}

async function expected(filter: BookingListFilter): Promise<string[]> {
  const all = await db()
    .select({ booking: bookings, resource: resources })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId));
  return ids(all.filter((row) => matches(row, filter)).map((row) => row.booking));
}

let room: Resource;
let showroom: Resource;
let edge: Booking;
const made: Booking[] = [];

beforeAll(async () => {
  room = await resourceByCode(db(), 'MR-302');
  showroom = await resourceByCode(db(), 'SR-101');
  edge = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...slot('2030-05-06', '10:00', '11:00') });
  made.push(
    edge,
    await seedBooking(db(), { resourceId: room.id, requester: actors.staff2, ...slot('2030-05-06', '11:00', '12:00'), status: 'confirmed' }),
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-05-06', '00:00', '01:00'), status: 'needs_info' }),
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-05-06', '23:30', '23:59') }),
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-05-07', '00:00', '01:00'), status: 'cancelled' }),
  );
  await db().update(bookings).set({ importantCustomer: true }).where(eq(bookings.id, made[3].id));
});

describe(`booking list query builder (${testDriver})`, () => {
  it('matches the plain meaning of every filter, alone and combined', async () => {
    const filters: BookingListFilter[] = [
      {},
      { status: 'pending' },
      { status: 'confirmed' },
      { status: ['pending', 'needs_info'] },
      { resourceId: room.id },
      { typeId: showroom.typeId },
      { departmentId: actors.staff.departmentId! },
      { requesterKind: 'staff' },
      { requesterKind: 'customer' },
      { requesterUserId: actors.staff.id },
      { channel: 'public' },
      { importantOnly: true },
      { from: edge.endAt },
      { to: edge.startAt },
      { from: at('2030-05-06', '10:30'), to: at('2030-05-06', '11:00') },
      dayBounds('2030-05-06', TZ),
      { ...dayBounds('2030-05-06', TZ), requesterKind: 'customer', status: ['pending', 'needs_info'] },
      { resourceId: room.id, status: 'confirmed', requesterUserId: actors.staff2.id },
    ];
    for (const filter of filters) expect(await listed(filter), JSON.stringify(filter)).toEqual(await expected(filter));
  });

  it('counts the edges of the window as the lists always have', async () => {
    // Ending exactly at `from` is in; starting exactly at `to` is out.
    expect(await listed({ resourceId: room.id, from: edge.endAt, to: at('2030-05-06', '12:00') })).toEqual(
      ids([edge, made[1]]),
    );
    expect(await listed({ resourceId: room.id, from: at('2030-05-06', '09:00'), to: edge.startAt })).toEqual([]);
  });

  it('takes a day in the organisation zone, not the process zone', async () => {
    const day = dayBounds('2030-05-06', TZ);
    expect(await listed({ ...day, resourceId: showroom.id })).toEqual(ids([made[2], made[3]]));
  });

  it('filters a person\'s own list without ever widening it, and the desk search by status, in SQL', async () => {
    const mine = await listMyBookings(db(), actors.staff, { resourceId: room.id, from: at('2030-05-06', '00:00') });
    expect(ids(mine)).toEqual(ids([edge]));
    expect(await listMyBookings(db(), actors.staff, { requesterKind: 'customer' })).toEqual([]);
    const found = await searchCustomerBookings(db(), actors.service, '测试客户', { status: 'needs_info' });
    expect(ids(found)).toEqual(ids([made[2]]));
  });

  it('answers ids that are not UUIDs with nothing', async () => {
    for (const bad of ['not-a-uuid', "1' or '1'='1"]) {
      expect(await listed({ resourceId: bad })).toEqual([]);
      expect(await listed({ typeId: bad })).toEqual([]);
      expect(await listed({ departmentId: bad })).toEqual([]);
      expect(await listed({ requesterUserId: bad })).toEqual([]);
    }
  });
});
