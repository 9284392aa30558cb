/** Who gets which notice, in which language, with which links — and never twice for one occasion. */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionTokens, bookings, coordinationRequests, departments, emailOutbox, users, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { notify } from '@/lib/mail/notify';
import { fillLinkTokens, resolveToken } from '@/lib/tokens';
import { loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { reportClosesAt } from '@/lib/incidents/report-window';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;
let day = 1;

beforeAll(async () => {
  process.env.APP_URL = 'https://booking.example.com';
  actors = await loadActors(db());
});

async function booking(requester?: UserActor): Promise<Booking> {
  const resource = await resourceByCode(db(), 'SW-B1');
  return seedBooking(db(), {
    resourceId: resource.id,
    requester,
    ...slot(`2030-07-${String(day++).padStart(2, '0')}`, '10:00', '11:00'),
    status: 'awaiting_confirmation',
    confirmDeadline: new Date('2030-06-30T00:00:00Z'),
  });
}

const mailsOf = (bookingId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
const tokensOf = (bookingId: string) => db().select().from(actionTokens).where(eq(actionTokens.bookingId, bookingId));

describe('notify', () => {
  it('queues one mail and issues one link for one occasion, however often it is called', async () => {
    const b = await booking(actors.staff);
    expect(await notify(db(), 'approved', b.id)).toBe(1);
    expect(await notify(db(), 'approved', b.id)).toBe(0);
    const mails = await mailsOf(b.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'approved', toAddress: 'staff@example.com', locale: 'zh', dedupeKey: `${b.id}:approved:1` });
    const tokens = await tokensOf(b.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'respond' });
    expect(tokens[0].expiresAt.toISOString()).toBe('2030-06-30T00:00:00.000Z');
    const { links } = mails[0].payload as { links: Record<string, string> };
    expect(links.view).toBe(`https://booking.example.com/bookings/${b.id}`);
    // The row holds a placeholder naming the token's row; the token itself appears only when sent.
    expect(links.confirm).toBe(`https://booking.example.com/r/{link-token:${tokens[0].id}}?intent=confirm`);
    const sent = fillLinkTokens(links);
    const token = /\/r\/([^?]+)\?intent=confirm$/.exec(sent.confirm)![1];
    await expect(resolveToken(db(), token, ['respond'])).resolves.toMatchObject({ bookingId: b.id });
    // Another occasion (a reminder for a new deadline) is a new mail.
    expect(await notify(db(), 'confirmation_reminder', b.id, { occasion: 'deadline-1' })).toBe(1);
    expect(await notify(db(), 'confirmation_reminder', b.id, { occasion: 'deadline-1' })).toBe(0);
  });

  it("a customer's mail goes to the booking's contact address in the booking's language, with a manage link", async () => {
    const b = await booking();
    await db().update(bookings).set({ locale: 'en' }).where(eq(bookings.id, b.id));
    expect(await notify(db(), 'request_received', b.id)).toBe(1);
    const [mail] = await mailsOf(b.id);
    expect(mail).toMatchObject({ toAddress: 'guest@customer.example.com', locale: 'en' });
    expect((mail.payload as { booking: { resourceName: string } }).booking.resourceName).toBe('Sample Warehouse');
    const view = (mail.payload as { links: { view: string } }).links.view;
    expect(fillLinkTokens(view)).toMatch(/^https:\/\/booking\.example\.com\/m\/[A-Za-z0-9_-]{43}$/);
    const [token] = await tokensOf(b.id);
    expect(token).toMatchObject({ purpose: 'manage' });
    // Open until damage found during the visit can no longer be reported through it.
    expect(token.expiresAt.toISOString()).toBe(reportClosesAt(b).toISOString());
  });

  it('a coordination request goes to each asked department’s contacts, in their language', async () => {
    const b = await booking(actors.staff);
    const [tech] = await db().select().from(departments).where(eq(departments.code, 'TECH'));
    const [wh] = await db().select().from(departments).where(eq(departments.code, 'WH'));
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, actors.staff2.id));
    await db().update(departments).set({ email: 'warehouse@example.com' }).where(eq(departments.id, wh.id));
    await db().insert(coordinationRequests).values([
      { bookingId: b.id, departmentId: tech.id, message: '请技术部确认设备', requestedById: actors.admin.id },
      { bookingId: b.id, departmentId: wh.id, message: '请仓储部安排人员', requestedById: actors.admin.id },
    ]);
    expect(await notify(db(), 'coordination_requested', b.id, { departmentIds: [tech.id, wh.id] })).toBe(2);
    const mails = (await mailsOf(b.id)).sort((x, y) => x.toAddress.localeCompare(y.toAddress));
    // staff2 is 技术部's contact; 仓储部 has none, so its own address.
    expect(mails.map((m) => [m.toAddress, m.locale, (m.payload as { message: string }).message])).toEqual([
      ['staff2@example.com', 'en', '请技术部确认设备'],
      ['warehouse@example.com', 'zh', '请仓储部安排人员'],
    ]);
    expect((mails[0].payload as { links: { view: string } }).links.view).toBe('https://booking.example.com/coordination');
  });

  it('a confirmed customer booking tells the service mailbox; a staff booking does not', async () => {
    const customer = await booking();
    const staff = await booking(actors.staff);
    expect(await notify(db(), 'service_confirmed', customer.id)).toBe(1);
    expect(await notify(db(), 'service_confirmed', staff.id)).toBe(0);
    const [mail] = await mailsOf(customer.id);
    expect(mail).toMatchObject({ toAddress: 'service@example.com', template: 'service-confirmed' });
    expect(mail.payload).toMatchObject({ customer: { name: '测试客户', company: '测试公司', email: 'guest@customer.example.com' } });
  });

  it('a displaced applicant gets each alternative as a one-click link', async () => {
    const b = await booking(actors.staff);
    const other = await resourceByCode(db(), 'MR-302');
    const alternatives = [{ resourceId: other.id, startAt: '2030-07-20T02:00:00.000Z', endAt: '2030-07-20T03:00:00.000Z' }];
    expect(await notify(db(), 'displaced', b.id, { alternatives })).toBe(1);
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, b.id), eq(emailOutbox.template, 'displaced')));
    expect(mail.payload).toMatchObject({
      alternatives: [
        {
          resourceName: '302 会议室',
          url: `https://booking.example.com/bookings/new?resourceId=${other.id}&startAt=2030-07-20T02%3A00%3A00.000Z&endAt=2030-07-20T03%3A00%3A00.000Z`,
        },
      ],
    });
  });
});
