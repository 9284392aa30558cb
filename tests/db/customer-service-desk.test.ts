/**
 * The service desk: filing for customers who phoned or wrote (with or without a hold), finding
 * customers by name, company, phone, reference or e-mail (wildcards typed are literal), the list
 * of customer bookings, marking important customers, the "to notify" list and the record of
 * telling the customer — customer service and admin only, customer bookings only.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingEvents, bookings } from '@/db/schema';
import {
  fileCustomerRequest,
  listCustomerBookings,
  listCustomerContacts,
  markImportant,
  recordCustomerContact,
  searchCustomerBookings,
  toNotifyList,
} from '@/lib/customer/service-desk';
import { V } from '@/lib/customer/schemas';
import { NOW, expectDomainError, outboxTemplates, resourceByCode, seedBooking, slot, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
let showroomId: string;

beforeAll(async () => {
  showroomId = (await resourceByCode(db(), 'SR-101')).id;
});

const phoned = (when: { startAt: Date; endAt: Date }, extra: Record<string, unknown> = {}) => ({
  resourceId: showroomId,
  ...when,
  name: '钱经理',
  phone: '0571-8765 4321',
  email: 'Qian@Decor.example.com',
  company: '杭州100%_装饰有限公司',
  visitors: 6,
  channel: 'phone',
  originalMessage: '钱经理来电，想下周三上午带客户参观展厅。',
  ...extra,
});

describe('fileCustomerRequest', () => {
  it('customer service files a phoned request: the channel, the note and who typed it are kept', async () => {
    const booking = await fileCustomerRequest(db(), actors.service, phoned(slot('2030-03-13', '10:00', '11:00')), {
      now: NOW,
    });
    expect(booking).toMatchObject({
      requesterKind: 'customer',
      channel: 'phone',
      enteredById: actors.service.id,
      contactEmail: 'qian@decor.example.com',
      originalMessage: '钱经理来电，想下周三上午带客户参观展厅。',
      holdsSlot: true,
      locale: 'zh',
    });
    expect(await outboxTemplates(db(), booking.id)).toEqual(['request-received']);
    const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(event).toMatchObject({ action: 'submitted', actorKind: 'user', actorUserId: actors.service.id });
  });

  it('may register without a hold when the slot is taken (rule 2); with a hold it gets alternatives', async () => {
    const when = slot('2030-03-14', '10:00', '11:00');
    await seedBooking(db(), { resourceId: showroomId, requester: actors.staff, ...when, status: 'confirmed' });
    const taken = await expectDomainError(
      fileCustomerRequest(db(), actors.service, phoned(when), { now: NOW }),
      'slot_taken',
    );
    expect(taken.details.alternatives?.length).toBeGreaterThan(0);
    const unheld = await fileCustomerRequest(
      db(),
      actors.admin,
      phoned(when, { holdsSlot: false, channel: 'email', locale: 'en' }),
      { now: NOW },
    );
    expect(unheld).toMatchObject({ holdsSlot: false, channel: 'email', locale: 'en', status: 'pending' });
  });

  it('is for customer service and admin only', async () => {
    const input = phoned(slot('2030-03-15', '10:00', '11:00'));
    await expectDomainError(fileCustomerRequest(db(), actors.staff, input, { now: NOW }), 'forbidden');
    await expectDomainError(fileCustomerRequest(db(), { kind: 'anonymous' }, input, { now: NOW }), 'unauthenticated');
    const error = await expectDomainError(
      fileCustomerRequest(db(), actors.service, { ...input, channel: 'public' }, { now: NOW }),
      'invalid_input',
    );
    expect(error.details.fields).toEqual({ channel: [V.invalid_choice] });
  });
});

describe('searchCustomerBookings and listCustomerBookings', () => {
  it('finds customers by part of the name, company, phone (any spacing), reference or e-mail', async () => {
    const booking = await fileCustomerRequest(db(), actors.service, phoned(slot('2030-03-18', '14:00', '15:00')), {
      now: NOW,
    });
    const found = async (q: string) => (await searchCustomerBookings(db(), actors.service, q)).map((b) => b.id);
    expect(await found('钱经')).toContain(booking.id);
    expect(await found('100%_装饰')).toContain(booking.id);
    expect(await found('87654321')).toContain(booking.id);
    expect(await found('0571-8765')).toContain(booking.id);
    expect(await found(booking.reference.toLowerCase())).toContain(booking.id);
    expect(await found('QIAN@DECOR')).toContain(booking.id);
    // The seeded customer: 139 1234 5678 typed with spaces is found from digits only.
    expect((await searchCustomerBookings(db(), actors.admin, '13912345678')).map((b) => b.contactName)).toContain(
      '刘女士',
    );
    // With letters in it the query is text, not a phone number: no digits-only match.
    expect((await searchCustomerBookings(db(), actors.admin, '13912345678x')).map((b) => b.contactName)).not.toContain('刘女士');
  });

  it('typed wildcards are literal; staff bookings never appear; staff may not search', async () => {
    // As wildcards these would match 钱经理; as the literal characters they match nothing.
    expect(await searchCustomerBookings(db(), actors.service, '钱%理')).toEqual([]);
    expect(await searchCustomerBookings(db(), actors.service, '钱_理')).toEqual([]);
    const literal = await searchCustomerBookings(db(), actors.service, '%_');
    expect(literal.length).toBeGreaterThan(0);
    expect(literal.every((b) => b.company?.includes('%_'))).toBe(true);
    expect(await searchCustomerBookings(db(), actors.service, '张销售')).toEqual([]);
    await expectDomainError(searchCustomerBookings(db(), actors.staff, '钱'), 'forbidden');
    await expectDomainError(searchCustomerBookings(db(), actors.service, '  '), 'invalid_input');
  });

  it('lists every customer booking, filtered', async () => {
    const all = await listCustomerBookings(db(), actors.service);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((b) => b.resourceCode)).size).toBeGreaterThan(0);
    const phoneOnly = await listCustomerBookings(db(), actors.service, { channel: 'phone' });
    expect(phoneOnly.every((b) => b.channel === 'phone')).toBe(true);
    const pending = await listCustomerBookings(db(), actors.admin, { status: 'pending', resourceId: showroomId });
    expect(pending.every((b) => b.status === 'pending' && b.resourceId === showroomId)).toBe(true);
    await expectDomainError(listCustomerBookings(db(), actors.staff2), 'forbidden');
    await expectDomainError(listCustomerBookings(db(), actors.service, { status: 'lost' as never }), 'invalid_input');
  });
});

describe('markImportant', () => {
  it('marks an important customer and records special needs, with an event', async () => {
    const booking = await seedBooking(db(), { resourceId: showroomId, ...slot('2030-03-19', '10:00', '11:00') });
    const marked = await markImportant(
      db(),
      actors.service,
      { bookingId: booking.id, importantCustomer: true, specialNeeds: '董事长陪同，需要讲解员' },
      { now: NOW },
    );
    expect(marked).toMatchObject({
      importantCustomer: true,
      specialNeeds: '董事长陪同，需要讲解员',
      status: 'pending',
    });
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.map((e) => e.action)).toEqual(['marked_important']);
  });

  it('customer bookings only, customer service and admin only', async () => {
    const staffBooking = await seedBooking(db(), {
      resourceId: showroomId,
      requester: actors.staff,
      ...slot('2030-03-19', '14:00', '15:00'),
    });
    const before = await snapshot(db(), staffBooking.id);
    await expectDomainError(
      markImportant(db(), actors.service, { bookingId: staffBooking.id, importantCustomer: true }),
      'not_found',
    );
    const customerBooking = await seedBooking(db(), {
      resourceId: showroomId,
      ...slot('2030-03-20', '14:00', '15:00'),
    });
    await expectDomainError(
      markImportant(db(), actors.staff, { bookingId: customerBooking.id, importantCustomer: true }),
      'forbidden',
    );
    expect(await snapshot(db(), staffBooking.id)).toEqual(before);
  });
});

describe('toNotifyList and recordCustomerContact', () => {
  it('a confirmed customer booking waits on the list until customer service records telling them', async () => {
    const booking = await seedBooking(db(), {
      resourceId: showroomId,
      ...slot('2030-03-21', '10:00', '11:00'),
      status: 'confirmed',
    });
    await db()
      .update(bookings)
      .set({ confirmedAt: new Date(NOW.getTime() - HOUR) })
      .where(eq(bookings.id, booking.id));
    const pendingOne = await seedBooking(db(), { resourceId: showroomId, ...slot('2030-03-21', '14:00', '15:00') });

    const listed = (await toNotifyList(db(), actors.service, { now: NOW })).map((b) => b.id);
    expect(listed).toContain(booking.id);
    expect(listed).not.toContain(pendingOne.id);

    const contact = await recordCustomerContact(
      db(),
      actors.service,
      {
        bookingId: booking.id,
        method: 'phone',
        contactedAt: NOW.toISOString(),
        note: '已电话告知，客户确认准时到访。',
      },
      { now: NOW },
    );
    expect(contact).toMatchObject({ method: 'phone', recordedById: actors.service.id });
    expect((await toNotifyList(db(), actors.service, { now: NOW })).map((b) => b.id)).not.toContain(booking.id);
    expect((await listCustomerContacts(db(), actors.admin, booking.id)).map((c) => c.note)).toEqual([
      '已电话告知，客户确认准时到访。',
    ]);
    const events = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(events.map((e) => e.action)).toEqual(['customer_contacted']);
  });

  it('refuses a contact in the future, a staff booking, and staff', async () => {
    const booking = await seedBooking(db(), {
      resourceId: showroomId,
      ...slot('2030-03-22', '10:00', '11:00'),
      status: 'confirmed',
    });
    const future = await expectDomainError(
      recordCustomerContact(
        db(),
        actors.service,
        { bookingId: booking.id, method: 'email', contactedAt: new Date(NOW.getTime() + HOUR).toISOString() },
        { now: NOW },
      ),
      'invalid_input',
    );
    expect(future.details.fields).toEqual({ contactedAt: [V.in_future] });
    await expectDomainError(
      recordCustomerContact(db(), actors.staff, {
        bookingId: booking.id,
        method: 'email',
        contactedAt: NOW.toISOString(),
      }),
      'forbidden',
    );
    const staffBooking = await seedBooking(db(), {
      resourceId: showroomId,
      requester: actors.staff,
      ...slot('2030-03-22', '14:00', '15:00'),
    });
    await expectDomainError(
      recordCustomerContact(
        db(),
        actors.service,
        { bookingId: staffBooking.id, method: 'phone', contactedAt: NOW.toISOString() },
        { now: NOW },
      ),
      'not_found',
    );
    await expectDomainError(toNotifyList(db(), actors.staff2), 'forbidden');
  });
});
