/**
 * The all-bookings register (lib/booking/register.ts): who sees what (admin every booking,
 * customer service the customer bookings, staff refused — and in the JSON API's list their own),
 * the text search `q` over each field it names, the filters, both orders, and keyset pages that
 * neither repeat nor skip a row, ties on the sort value included.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, type Booking, type Resource } from '@/db/schema';
import { listBookingsPage, registerBatches, registerPage, type RegisterFilter, type RegisterQuery, type RegisterSort } from '@/lib/booking/register';
import { parseRegisterSearch, registerFilterOf } from '@/lib/booking/register-search';
import { expectDomainError, resourceByCode, seedBooking, slot, TZ, useBookingTestDb } from '../helpers/booking-fixtures';
import { testDriver } from '../helpers/db';

const { db, actors } = useBookingTestDb();

let room: Resource;
let showroom: Resource;
const made: Record<string, Booking> = {};

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const query = (filter: RegisterFilter, sort: RegisterSort = '-startAt', limit = 200): RegisterQuery => ({ filter, sort, limit });
const mine = (rows: { id: string }[]) => rows.filter((r) => Object.values(made).some((m) => m.id === r.id));

beforeAll(async () => {
  room = await resourceByCode(db(), 'MR-302');
  showroom = await resourceByCode(db(), 'SR-101');
  made.staffA = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, ...slot('2031-02-03', '09:00', '10:00') });
  made.staffB = await seedBooking(db(), {
    resourceId: room.id,
    requester: actors.staff2,
    ...slot('2031-02-03', '10:00', '11:00'),
    status: 'confirmed',
  });
  made.customer = await seedBooking(db(), { resourceId: showroom.id, ...slot('2031-02-04', '14:00', '15:00') });
  made.customer2 = await seedBooking(db(), { resourceId: showroom.id, ...slot('2031-02-05', '14:00', '15:00'), status: 'cancelled' });
  // Distinct values for each searchable field.
  await db()
    .update(bookings)
    .set({ company: '华东建材（上海）有限公司', contactName: '李雪', contactPhone: '+86 139-1234 5678', channel: 'phone' })
    .where(eq(bookings.id, made.customer.id));
  await db().update(bookings).set({ purpose: '新品 100% 瓷砖评审_会' }).where(eq(bookings.id, made.staffA.id));
  await db().update(bookings).set({ contactEmail: 'Buyer@Tiles.example' }).where(eq(bookings.id, made.customer2.id));
});

describe(`the bookings register (${testDriver})`, () => {
  it('admin sees every booking, customer service only customer bookings, staff are refused', async () => {
    const all = await registerPage(db(), actors.admin, query({}));
    expect(ids(mine(all))).toEqual(ids(Object.values(made)));
    const service = await registerPage(db(), actors.service, query({}));
    expect(service.length).toBeGreaterThan(0);
    expect(service.every((r) => r.requesterKind === 'customer')).toBe(true);
    expect(ids(mine(service))).toEqual(ids([made.customer, made.customer2]));
    // A filter cannot widen customer service's view.
    expect(await registerPage(db(), actors.service, query({ requesterKind: 'staff' }))).toEqual([]);
    await expectDomainError(registerPage(db(), actors.staff, query({})), 'forbidden');
    await expectDomainError(registerPage(db(), { kind: 'anonymous' }, query({})), 'unauthenticated');
    // The exports refuse before reading anything.
    expect(() => registerBatches(db(), actors.staff, { filter: {}, sort: '-startAt' })).toThrow();
  });

  it("gives staff their own requests in the API's list, customer service the customer bookings and their own", async () => {
    const own = await listBookingsPage(db(), actors.staff, query({}));
    expect(own.every((r) => r.requesterKind === 'staff')).toBe(true);
    expect(ids(mine(own))).toEqual(ids([made.staffA]));
    expect(await listBookingsPage(db(), actors.staff, query({ requesterKind: 'customer' }))).toEqual([]);
    const serviceOwn = await seedBooking(db(), { resourceId: room.id, requester: actors.service, ...slot('2031-02-06', '09:00', '10:00') });
    const forService = await listBookingsPage(db(), actors.service, query({}));
    expect(forService.map((r) => r.id)).toContain(serviceOwn.id);
    expect(forService.map((r) => r.id)).toContain(made.customer.id);
    const staffRows = forService.filter((r) => r.requesterKind === 'staff').map((r) => r.id);
    const requesters = await db().select({ by: bookings.requesterUserId }).from(bookings).where(inArray(bookings.id, staffRows));
    expect(new Set(requesters.map((r) => r.by))).toEqual(new Set([actors.service.id]));
    expect(forService.map((r) => r.id)).not.toContain(made.staffA.id);
    // The register itself stays customer bookings only.
    expect((await registerPage(db(), actors.service, query({}))).map((r) => r.id)).not.toContain(serviceOwn.id);
    await db().delete(bookings).where(eq(bookings.id, serviceOwn.id));
  });

  it('finds by part of the reference, applicant, company, e-mail, phone or purpose, ignoring case', async () => {
    const found = async (q: string) => ids(mine(await registerPage(db(), actors.admin, query({ q }))));
    expect(await found(made.staffB.reference.slice(2, 10).toLowerCase())).toEqual(ids([made.staffB]));
    expect(await found('李雪')).toEqual(ids([made.customer]));
    expect(await found('华东建材')).toEqual(ids([made.customer]));
    expect(await found('buyer@tiles')).toEqual(ids([made.customer2]));
    expect(await found('瓷砖')).toEqual(ids([made.staffA]));
    // Whatever spaces or dashes either side wrote.
    expect(await found('13912345678')).toEqual(ids([made.customer]));
    expect(await found('139 1234')).toEqual(ids([made.customer]));
    // % and _ are literal characters, not wildcards.
    expect(await found('100%')).toEqual(ids([made.staffA]));
    expect(await found('评审_会')).toEqual(ids([made.staffA]));
    expect(await found('1_0%')).toEqual([]);
    expect(await found('no such text anywhere')).toEqual([]);
  });

  it('filters by status, resource, type, department, channel, applicant and days in the organisation zone', async () => {
    const found = async (filter: RegisterFilter) => ids(mine(await registerPage(db(), actors.admin, query(filter))));
    expect(await found({ status: 'confirmed' })).toEqual(ids([made.staffB]));
    expect(await found({ resourceId: showroom.id })).toEqual(ids([made.customer, made.customer2]));
    expect(await found({ typeId: room.typeId })).toEqual(ids([made.staffA, made.staffB]));
    expect(await found({ departmentId: actors.staff.departmentId! })).toEqual(ids([made.staffA]));
    expect(await found({ channel: 'phone' })).toEqual(ids([made.customer]));
    expect(await found({ requesterKind: 'customer', status: 'pending' })).toEqual(ids([made.customer]));
    // The page's days: 3 to 4 February inclusive, in Shanghai.
    const days = registerFilterOf(parseRegisterSearch({ from: '2031-02-03', to: '2031-02-04' }), TZ);
    expect(await found(days)).toEqual(ids([made.staffA, made.staffB, made.customer]));
    const oneDay = registerFilterOf(parseRegisterSearch({ from: '2031-02-05', to: '2031-02-05', status: 'cancelled' }), TZ);
    expect(await found(oneDay)).toEqual(ids([made.customer2]));
    // A hand-edited URL is read as a wider list, never an error.
    expect(registerFilterOf(parseRegisterSearch({ from: 'yesterday', status: 'lost', resource: 'x' }), TZ)).toEqual(
      registerFilterOf(parseRegisterSearch({}), TZ),
    );
  });

  it('pages by key in every order without repeating or skipping a row, ties on the sort value included', async () => {
    // Five more bookings submitted at the very same instant: only the id breaks the tie.
    const same = new Date('2030-11-30T08:00:00.123456Z');
    for (const hour of ['09', '10', '11', '12', '13']) {
      const b = await seedBooking(db(), { resourceId: showroom.id, ...slot('2031-03-03', `${hour}:00`, `${hour}:30`), status: 'completed' });
      await db().update(bookings).set({ submittedAt: same }).where(eq(bookings.id, b.id));
    }
    for (const sort of ['-startAt', 'startAt', '-submittedAt', 'submittedAt'] as const) {
      const whole = await registerPage(db(), actors.admin, query({}, sort, 1000));
      const paged: string[] = [];
      let after: RegisterQuery['after'];
      for (;;) {
        const rows = await registerPage(db(), actors.admin, { filter: {}, sort, limit: 2, after });
        paged.push(...rows.slice(0, 2).map((r) => r.id));
        if (rows.length <= 2) break;
        after = { key: rows[1].sortKey, id: rows[1].id };
      }
      expect(paged, sort).toEqual(whole.map((r) => r.id));
      const times = whole.map((r) => (sort.endsWith('startAt') ? r.startAt : r.submittedAt).getTime());
      const sorted = [...times].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
      expect(times, sort).toEqual(sorted);
      // The export's batches are the same rows in the same order.
      const batched: string[] = [];
      for await (const batch of registerBatches(db(), actors.admin, { filter: {}, sort }, 3)) {
        expect(batch.length).toBeLessThanOrEqual(3);
        batched.push(...batch.map((r) => r.id));
      }
      expect(batched, sort).toEqual(whole.map((r) => r.id));
    }
  });
});
