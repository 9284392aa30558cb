/**
 * Subscribable calendar feeds at secret URLs (/api/v1/feeds/{token}.ics), fetched as a calendar
 * app does — no cookie, no Origin — through the route handler, and read back with an
 * iCalendar parser: stable UIDs and SEQUENCE, TENTATIVE until confirmed, a cancelled booking
 * gone, ETag / Last-Modified and 304, a regenerated URL killing the old one, and a resource
 * feed that carries nothing of a customer.
 */
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourceFeedUrlAction } from '@/app/actions/access';
import { GET as feedGET } from '@/app/api/v1/feeds/[file]/route';
import { bookings, users, type Booking } from '@/db/schema';
import { cancelBooking } from '@/lib/booking/applicant';
import { listMyFeeds, regenerateFeed } from '@/lib/feeds/feeds';
import { expectDomainError, resourceByCode, seedBooking, useBookingTestDb } from '../helpers/booking-fixtures';
import { workingDaySlot } from '../helpers/public-api';

const { db, handle, actors } = useBookingTestDb();
let roomId: string;
let confirmed: Booking;
let pending: Booking;
let customer: Booking;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  roomId = (await resourceByCode(db(), 'MR-302')).id;
  const at = async (hour: number) => {
    const slot = await workingDaySlot(db(), 10, `${hour}:00`, `${hour}:30`);
    return { resourceId: roomId, startAt: new Date(slot.startAt), endAt: new Date(slot.endAt) };
  };
  confirmed = await seedBooking(db(), { ...(await at(10)), requester: actors.staff, status: 'confirmed' });
  pending = await seedBooking(db(), { ...(await at(11)), requester: actors.staff, status: 'pending' });
  customer = await seedBooking(db(), { ...(await at(14)), status: 'confirmed' });
  await db().update(bookings).set({ purpose: '周先生看瓷砖样板', contactName: '周建国', contactPhone: '139 1234 5678', contactEmail: 'zhou@jiaju.example.com' }).where(eq(bookings.id, customer.id));
  await db().update(bookings).set({ purpose: '季度复盘会' }).where(eq(bookings.id, confirmed.id));
});

/** The events of the bookings this file made (the demo data has bookings of its own). */
function ours<T extends { uid: string }>(list: T[]): T[] {
  const ids = [confirmed.id, pending.id, customer.id];
  return list.filter((e) => ids.some((id) => e.uid.includes(id)));
}

const tokenOf = (url: string) => /\/api\/v1\/feeds\/([^/]+)\.ics$/.exec(url)![1];

function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const file = `${tokenOf(url)}.ics`;
  return feedGET(new Request(url, { headers }), { params: Promise.resolve({ file }) });
}

function events(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

describe('personal feed', () => {
  it('holds my bookings (tentative until confirmed), usable without a session', async () => {
    const { personal } = await listMyFeeds(db(), actors.staff);
    expect(personal.url).toMatch(/^http:\/\/booking\.test\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    // The same URL every time until regenerated.
    expect((await listMyFeeds(db(), actors.staff)).personal.url).toBe(personal.url);

    const response = await fetchFeed(personal.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const list = ours(events(await response.text()));
    expect(list.map((e) => [e.uid, e.status])).toEqual([
      [`booking-${confirmed.id}.mine@booking.test`, 'CONFIRMED'],
      [`booking-${pending.id}.mine@booking.test`, 'TENTATIVE'],
    ]);
    expect(list[0].sequence).toBe(confirmed.version);
    expect(list[0].start).toBe(confirmed.startAt.toISOString());
  });

  it('304 while unchanged; a cancelled booking leaves it and the validators move on', async () => {
    const { personal } = await listMyFeeds(db(), actors.staff);
    const first = await fetchFeed(personal.url);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetchFeed(personal.url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await fetchFeed(personal.url, { 'if-modified-since': lastModified })).status).toBe(304);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await cancelBooking(db(), actors.staff, { bookingId: pending.id, reason: '会议取消' });
    const after = await fetchFeed(personal.url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified));
    expect(ours(events(await after.text())).map((e) => e.uid)).toEqual([`booking-${confirmed.id}.mine@booking.test`]);
    expect((await fetchFeed(personal.url, { 'if-modified-since': lastModified })).status).toBe(200);
  });

  it('regenerating kills the old URL; a switched-off owner\'s feed is gone too', async () => {
    const old = (await listMyFeeds(db(), actors.staff2)).personal.url;
    expect((await fetchFeed(old)).status).toBe(200);
    const { url } = await regenerateFeed(db(), actors.staff2, { kind: 'personal' });
    expect(url).not.toBe(old);
    const dead = await fetchFeed(old);
    expect(dead.status).toBe(404);
    expect((await fetchFeed(url)).status).toBe(200);
    expect((await listMyFeeds(db(), actors.staff2)).personal.url).toBe(url);

    await db().update(users).set({ active: false }).where(eq(users.id, actors.staff2.id));
    const off = await fetchFeed(url);
    expect([off.status, await off.text()]).toEqual([dead.status, await (await fetchFeed(old)).text()]);
    await db().update(users).set({ active: true }).where(eq(users.id, actors.staff2.id));
  });
});

describe('resource feed', () => {
  it('busy times with staff purposes and nothing of a customer', async () => {
    const feeds = await listMyFeeds(db(), actors.staff2);
    const feed = feeds.resources.find((r) => r.resourceId === roomId)!;
    const body = await (await fetchFeed(feed.url)).text();
    const list = ours(events(body));
    expect(list.map((e) => e.uid)).toEqual([`booking-${confirmed.id}.feed@booking.test`, `booking-${customer.id}.feed@booking.test`]);
    expect(list[0].description).toBe('季度复盘会');
    expect(list[1].summary).toContain(customer.reference);
    expect(list[1].description).toBeNull();
    // Nothing of any customer of this resource: ours, nor those of the demo data.
    const customers = await db().select().from(bookings).where(and(eq(bookings.resourceId, roomId), eq(bookings.requesterKind, 'customer')));
    const unfolded = body.replace(/\r\n[ \t]/g, '');
    for (const c of customers) {
      for (const secret of [c.contactName, c.contactPhone, c.contactEmail, c.company, c.purpose]) {
        if (secret) expect(unfolded).not.toContain(secret);
      }
    }
  });

  it('for staff and admin only; regenerating one resource leaves the others', async () => {
    expect((await listMyFeeds(db(), actors.service)).resources).toEqual([]);
    await expectDomainError(regenerateFeed(db(), actors.service, { kind: 'resource', resourceId: roomId }), 'forbidden');
    await expectDomainError(regenerateFeed(db(), actors.admin, { kind: 'resource' }), 'invalid_input');
    const before = await listMyFeeds(db(), actors.admin);
    const { url } = await regenerateFeed(db(), actors.admin, { kind: 'resource', resourceId: roomId });
    const after = await listMyFeeds(db(), actors.admin);
    expect(after.resources.find((r) => r.resourceId === roomId)?.url).toBe(url);
    expect(after.resources.filter((r) => r.resourceId !== roomId)).toEqual(before.resources.filter((r) => r.resourceId !== roomId));
    expect(after.personal).toEqual(before.personal);
    expect((await fetchFeed(before.resources.find((r) => r.resourceId === roomId)!.url)).status).toBe(404);
  });

  it("the calendar page's action gives one resource's URL, the same one the list has", async () => {
    const ctx = (actor: typeof actors.staff2) => ({ db: db(), actor, locale: 'zh' as const, headers: new Headers() });
    const listed = (await listMyFeeds(db(), actors.staff2)).resources.find((r) => r.resourceId === roomId)!.url;
    expect(await resourceFeedUrlAction.invoke(ctx(actors.staff2), { resourceId: roomId })).toEqual({ ok: true, data: { url: listed } });
    expect(await resourceFeedUrlAction.invoke(ctx(actors.service), { resourceId: roomId })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
