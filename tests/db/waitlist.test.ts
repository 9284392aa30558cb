/**
 * The waitlist: joining and leaving (who may), and the notify-waitlist job telling exactly the
 * earliest fitting waiter once when a slot is freed — by a cancellation, an expiry, a resolved
 * damage report — and nobody while it is still taken. Customers join from the public page
 * (no account) and wait in the same line.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookings, emailOutbox, waitlistEntries } from '@/db/schema';
import { cancelBooking } from '@/lib/booking/applicant';
import { expireUnconfirmed } from '@/lib/booking/jobs';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import type { ErrorCode } from '@/lib/errors';
import { reportIncident } from '@/lib/incidents/report';
import { resolveIncident } from '@/lib/incidents/resolve';
import { isJobName } from '@/lib/jobs';
import { renderEmail } from '@/lib/mail/render';
import { joinWaitlist, leaveWaitlist, listMyWaitlist } from '@/lib/waitlist/entries';
import { notifyWaitlist, WAITLIST_FIRST_CHANCE_HOURS } from '@/lib/waitlist/notify';
import { joinPublicWaitlist } from '@/lib/waitlist/public';
import { NOW, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const HOUR = 3_600_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function waitlistMails(entryIds: string[]) {
  return db()
    .select()
    .from(emailOutbox)
    .where(inArray(emailOutbox.dedupeKey, entryIds.map((id) => `waitlist:${id}`)));
}

async function statusOf(entryId: string) {
  const [row] = await db().select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId));
  return row.status;
}

describe('joining and leaving', () => {
  it('a signed-in user joins once per slot, sees the entry, and removes it', async () => {
    const resource = await resourceByCode(db(), 'MR-301');
    const wanted = { resourceId: resource.id, ...slot('2030-03-12', '09:00', '10:00') };
    const entry = await joinWaitlist(db(), actors.staff, wanted, { now: NOW });
    expect(entry).toMatchObject({ status: 'waiting', userId: actors.staff.id });
    expect((await joinWaitlist(db(), actors.staff, wanted, { now: NOW })).id).toBe(entry.id);
    expect((await listMyWaitlist(db(), actors.staff, { now: NOW })).map((e) => e.id)).toContain(entry.id);
    expect((await listMyWaitlist(db(), actors.staff2, { now: NOW })).map((e) => e.id)).not.toContain(entry.id);
    await leaveWaitlist(db(), actors.staff, entry.id);
    expect(await statusOf(entry.id)).toBe('removed');
    await expectDomainError(leaveWaitlist(db(), actors.staff, entry.id), 'not_found');
    // Joining again after removing is a new entry.
    expect((await joinWaitlist(db(), actors.staff, wanted, { now: NOW })).id).not.toBe(entry.id);
  });

  it('refuses bad input: a past time, end before start, an unknown resource, too long', async () => {
    const resource = await resourceByCode(db(), 'MR-301');
    const past = await expectDomainError(
      joinWaitlist(db(), actors.staff, { resourceId: resource.id, startAt: later(-HOUR), endAt: later(HOUR) }, { now: NOW }),
      'invalid_input',
    );
    expect(past.details.fields).toEqual({ startAt: ['waitlist.validation.startPast'] });
    const order = await expectDomainError(
      joinWaitlist(db(), actors.staff, { resourceId: resource.id, startAt: later(2 * HOUR), endAt: later(HOUR) }, { now: NOW }),
      'invalid_input',
    );
    expect(order.details.fields).toEqual({ endAt: ['end_before_start'] });
    await expectDomainError(
      joinWaitlist(db(), actors.staff, { resourceId: 'x', startAt: later(HOUR), endAt: later(2 * HOUR) }, { now: NOW }),
      'invalid_input',
    );
    await expectDomainError(
      joinWaitlist(db(), actors.staff, { resourceId: resource.id, startAt: later(HOUR), endAt: later(30 * HOUR) }, { now: NOW }),
      'too_long',
    );
  });

  describe('authorization matrix', () => {
    type Caller = 'anonymous' | 'staff' | 'staff2' | 'service' | 'admin' | 'otherCustomerLink';
    const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'service', 'admin', 'otherCustomerLink'];
    const actorOf = (caller: Caller): Actor =>
      caller === 'anonymous'
        ? ANONYMOUS
        : caller === 'otherCustomerLink'
          ? { kind: 'customer', bookingId: '00000000-0000-4000-8000-000000000000', email: 'guest@customer.example.com' }
          : actors[caller];
    const JOIN: Record<Caller, ErrorCode | undefined> = {
      anonymous: 'unauthenticated',
      staff: undefined,
      staff2: undefined,
      service: undefined,
      admin: undefined,
      otherCustomerLink: 'unauthenticated',
    };
    // Removing staff's entry: only staff (the owner) and admin.
    const LEAVE: Record<Caller, ErrorCode | undefined> = {
      anonymous: 'unauthenticated',
      staff: undefined,
      staff2: 'not_found',
      service: 'not_found',
      admin: undefined,
      otherCustomerLink: 'unauthenticated',
    };

    it.each(CALLERS.map((caller, i) => [caller, i] as const))('%s joining, and removing staff’s entry', async (caller, i) => {
      const resource = await resourceByCode(db(), 'MR-302');
      const wanted = { resourceId: resource.id, startAt: later((24 + i) * HOUR), endAt: later((25 + i) * HOUR) };
      const join = joinWaitlist(db(), actorOf(caller), wanted, { now: NOW });
      if (JOIN[caller]) await expectDomainError(join, JOIN[caller]);
      else await expect(join).resolves.toMatchObject({ status: 'waiting' });

      const staffEntry = await joinWaitlist(db(), actors.staff, { ...wanted, endAt: later((24.5 + i) * HOUR) }, { now: NOW });
      const leave = leaveWaitlist(db(), actorOf(caller), staffEntry.id);
      if (LEAVE[caller]) {
        await expectDomainError(leave, LEAVE[caller]);
        expect(await statusOf(staffEntry.id)).toBe('waiting');
      } else {
        await leave;
        expect(await statusOf(staffEntry.id)).toBe('removed');
      }
    });
  });
});

describe('the notify-waitlist job', () => {
  // The job looks at every entry: each case starts from an empty waitlist.
  beforeEach(async () => {
    await db().delete(waitlistEntries);
  });

  it('is a cron job', () => {
    expect(isJobName('notify-waitlist')).toBe(true);
  });

  it('a cancellation tells exactly the earliest fitting waiter, once, with a link to request the slot', async () => {
    const resource = await resourceByCode(db(), 'MR-501');
    const wanted = slot('2030-03-13', '09:00', '10:00');
    const taken = await seedBooking(db(), { resourceId: resource.id, ...wanted, status: 'confirmed', requester: actors.staff });
    // staff2 waits first for 09:00–10:00, customer service then for an overlapping 09:30–10:00,
    // admin for 09:00–11:00 (does not fit: 10:00–11:00 is taken too).
    const blocker = await seedBooking(db(), { resourceId: resource.id, ...slot('2030-03-13', '10:00', '11:00'), status: 'pending', requester: actors.admin });
    const first = await joinWaitlist(db(), actors.staff2, { resourceId: resource.id, ...wanted }, { now: NOW });
    const second = await joinWaitlist(db(), actors.service, { resourceId: resource.id, ...slot('2030-03-13', '09:30', '10:00') }, { now: later(1000) });
    const wide = await joinWaitlist(db(), actors.admin, { resourceId: resource.id, ...slot('2030-03-13', '09:00', '11:00') }, { now: later(-1000) });

    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 0 });
    await cancelBooking(db(), actors.staff, { bookingId: taken.id, reason: '改期' }, { now: later(HOUR) });

    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 1 });
    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 0 });
    expect(await statusOf(first.id)).toBe('notified');
    expect(await statusOf(second.id)).toBe('waiting');
    expect(await statusOf(wide.id)).toBe('waiting');
    const mails = await waitlistMails([first.id, second.id, wide.id]);
    expect(mails.map((m) => m.toAddress)).toEqual([actors.staff2.email]);
    const rendered = await renderEmail(mails[0]);
    expect(rendered.subject).toContain(resource.nameZh);
    const link = (mails[0].payload as { links: { book: string } }).links.book;
    expect(link).toContain(`/bookings/new?resourceId=${resource.id}`);
    expect(link).toContain(encodeURIComponent(wanted.startAt.toISOString()));
    expect(rendered.html).toContain(link.replaceAll('&', '&amp;'));

    // The earlier waiter had the first chance; when it is over and the slot is still free, the next one hears.
    expect(await notifyWaitlist(db(), later((1 + WAITLIST_FIRST_CHANCE_HOURS) * HOUR - 1000))).toEqual({ notified: 0 });
    expect(await notifyWaitlist(db(), later((1 + WAITLIST_FIRST_CHANCE_HOURS) * HOUR + 1000))).toEqual({ notified: 1 });
    expect(await statusOf(second.id)).toBe('notified');
    expect(await statusOf(wide.id)).toBe('waiting');
    expect(await db().select().from(bookings).where(and(eq(bookings.id, blocker.id), eq(bookings.status, 'pending')))).toHaveLength(1);
  });

  it('waiters for times that do not overlap are each told; an expiry frees a slot too', async () => {
    const resource = await resourceByCode(db(), 'MR-601');
    const morning = await seedBooking(db(), {
      resourceId: resource.id,
      ...slot('2030-03-14', '09:00', '12:00'),
      status: 'awaiting_confirmation',
      requester: actors.staff,
      approvedAt: NOW,
      confirmDeadline: later(2 * HOUR),
    });
    const a = await joinWaitlist(db(), actors.staff2, { resourceId: resource.id, ...slot('2030-03-14', '09:00', '10:00') }, { now: NOW });
    const b = await joinWaitlist(db(), actors.service, { resourceId: resource.id, ...slot('2030-03-14', '11:00', '12:00') }, { now: NOW });
    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 0 });
    await expireUnconfirmed(db(), later(3 * HOUR));
    expect((await db().select().from(bookings).where(eq(bookings.id, morning.id)))[0].status).toBe('expired');
    expect(await notifyWaitlist(db(), later(3 * HOUR))).toEqual({ notified: 2 });
    expect((await waitlistMails([a.id, b.id])).map((m) => m.toAddress).sort()).toEqual([actors.service.email, actors.staff2.email].sort());
  });

  it('a damage report keeps the slot taken; resolving it frees the slot for the waiter', async () => {
    const resource = await resourceByCode(db(), 'EQ-02');
    const entry = await joinWaitlist(db(), actors.staff, { resourceId: resource.id, ...slot('2030-03-15', '09:00', '10:00') }, { now: NOW });
    const incident = await reportIncident(
      db(),
      actors.admin,
      resource.id,
      { severity: 'blocking', description: '电池故障', blockUntil: slot('2030-03-16', '00:00', '01:00').startAt.toISOString() },
      { now: NOW },
    );
    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 0 });
    await resolveIncident(db(), actors.admin, incident.id, { notes: '已换电池' }, { now: later(2 * HOUR) });
    expect(await notifyWaitlist(db(), later(2 * HOUR))).toEqual({ notified: 1 });
    expect(await statusOf(entry.id)).toBe('notified');
  });

  it('removed entries and times already begun are never told', async () => {
    const resource = await resourceByCode(db(), 'SR-101');
    const removed = await joinWaitlist(db(), actors.staff, { resourceId: resource.id, ...slot('2030-03-18', '10:00', '11:00') }, { now: NOW });
    await leaveWaitlist(db(), actors.staff, removed.id);
    const soon = await joinWaitlist(db(), actors.staff2, { resourceId: resource.id, ...slot('2030-03-19', '10:00', '11:00') }, { now: NOW });
    expect(await notifyWaitlist(db(), slot('2030-03-19', '10:00', '11:00').startAt)).toEqual({ notified: 0 });
    expect(await statusOf(removed.id)).toBe('removed');
    expect(await statusOf(soon.id)).toBe('waiting');
  });
});

describe('customers from the public page', () => {
  beforeEach(async () => {
    await db().delete(waitlistEntries);
  });
  let address = 0;
  /** Each call from its own client address: the per-address rate limit is not what is tested here. */
  const client = (locale: 'zh' | 'en' = 'zh') => ({ ip: `198.51.100.${++address}`, locale, now: NOW });

  it('join with the name and address they typed, once per address and slot; only resources customers may book', async () => {
    const showroom = await resourceByCode(db(), 'SR-101');
    const wanted = { resourceId: showroom.id, ...slot('2030-03-13', '10:00', '11:00') };
    const entry = await joinPublicWaitlist(db(), { ...wanted, name: ' Ms Green ', email: 'Green@Example.COM' }, client('en'));
    expect(entry).toMatchObject({ status: 'waiting', userId: null, contactName: 'Ms Green', contactEmail: 'green@example.com', locale: 'en' });
    expect((await joinPublicWaitlist(db(), { ...wanted, name: 'Ms Green', email: 'green@example.com' }, client())).id).toBe(entry.id);

    const internal = await resourceByCode(db(), 'MR-302');
    const refused = await expectDomainError(
      joinPublicWaitlist(db(), { ...wanted, resourceId: internal.id, name: 'Ms Green', email: 'green@example.com' }, client()),
      'invalid_input',
    );
    expect(refused.details.fields).toEqual({ resourceId: ['customer.validation.resource_not_bookable'] });
    const bad = await expectDomainError(joinPublicWaitlist(db(), { ...wanted, name: '', email: 'a@b, c@d' }, client()), 'invalid_input');
    expect(Object.keys(bad.details.fields ?? {}).sort()).toEqual(['email', 'name']);
    expect(await db().select().from(waitlistEntries)).toHaveLength(1);
  });

  it('wait in one line with staff: the earlier customer is told first, in their language, with a link to the public page', async () => {
    const showroom = await resourceByCode(db(), 'SR-101');
    const wanted = slot('2030-03-14', '14:00', '15:00');
    const taken = await seedBooking(db(), { resourceId: showroom.id, ...wanted, status: 'confirmed', requester: actors.staff });
    const customer = await joinPublicWaitlist(db(), { resourceId: showroom.id, ...wanted, name: 'Ms Green', email: 'green@example.com' }, client('en'));
    const staff = await joinWaitlist(db(), actors.staff2, { resourceId: showroom.id, ...wanted }, { now: later(1000) });

    await cancelBooking(db(), actors.staff, { bookingId: taken.id, reason: '改期' }, { now: later(HOUR) });
    expect(await notifyWaitlist(db(), later(HOUR))).toEqual({ notified: 1 });
    expect(await statusOf(customer.id)).toBe('notified');
    expect(await statusOf(staff.id)).toBe('waiting');
    const [mail] = await waitlistMails([customer.id]);
    expect(mail).toMatchObject({ toAddress: 'green@example.com', locale: 'en' });
    const link = (mail.payload as { links: { book: string } }).links.book;
    expect(link).toMatch(/\/book\?resource=SR-101$/);
    const rendered = await renderEmail(mail);
    expect(rendered.subject).toContain(showroom.nameEn);
    expect(rendered.text).toContain('Ms Green');
  });
});
