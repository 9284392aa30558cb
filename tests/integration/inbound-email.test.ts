/**
 * Replies to booking e-mails: Chinese and English, quoted history below, HTML-only, matched by
 * In-Reply-To or by the plus address; a stranger or an unclear word changes nothing (recorded,
 * admin told). A reply to "more information needed" is the applicant's answer: the booking goes
 * back to review. Also the inbound route: secret, size limit, JSON outcome.
 */
import { and, desc, eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/inbound/email/route';
import { bookingEvents, bookings, emailOutbox, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { requestInfo } from '@/lib/booking/review';
import { handleInboundEmail } from '@/lib/inbound/handle-reply';
import { listRefusedReplies } from '@/lib/inbound/refusals';
import { bookingMessageId, bookingReplyAddress } from '@/lib/mail/addresses';
import { loadActors, NOW, resourceByCode, seedBooking, slot, snapshot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let actors: Record<Who, UserActor>;
let day = 1;

beforeAll(async () => {
  // The route handler opens the app's database: point it at this file's test database.
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  actors = await loadActors(db());
});

/** A booking approved at NOW, awaiting confirmation for 24 hours. */
async function awaiting(requester?: UserActor): Promise<Booking> {
  const resource = await resourceByCode(db(), 'MR-501');
  const date = `2030-05-${String(day++).padStart(2, '0')}`;
  return seedBooking(db(), {
    resourceId: resource.id,
    requester,
    ...slot(date, '14:00', '15:00'),
    status: 'awaiting_confirmation',
    approvedAt: NOW,
    confirmDeadline: new Date(NOW.getTime() + 24 * 3_600_000),
  });
}

const OUTBOX_ID = '00000000-0000-4000-8000-000000000001';
const messageIdOf = (booking: Booking) => bookingMessageId(booking.id, OUTBOX_ID);

function reply(booking: Booking, from: string, body: Partial<Mail.Options>, opts: { threaded?: boolean } = {}): Promise<Buffer> {
  const threaded = opts.threaded ?? true;
  return new MailComposer({
    from,
    to: bookingReplyAddress(booking.id),
    subject: `Re: 预约已批准，请确认：${booking.reference}`,
    ...(threaded ? { inReplyTo: messageIdOf(booking), references: messageIdOf(booking) } : {}),
    ...body,
  })
    .compile()
    .build();
}

const statusOf = async (id: string) => (await db().select().from(bookings).where(eq(bookings.id, id)))[0];
const lastEvent = async (id: string) =>
  (await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, id)).orderBy(desc(bookingEvents.createdAt)).limit(1))[0];

describe('handleInboundEmail', () => {
  it('confirms on a Chinese reply with the quoted mail below', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, '张销售 <staff@example.com>', {
      text: '确认，谢谢！\n\n在 2030年3月4日 10:00，资源预约 <booking@example.com> 写道：\n> 或直接回复本邮件“确认”（放弃请回复“取消”）。',
    });
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toEqual({ outcome: 'confirmed', bookingId: booking.id });
    const after = await statusOf(booking.id);
    expect(after.status).toBe('confirmed');
    expect(await lastEvent(booking.id)).toMatchObject({ action: 'confirm', actorKind: 'email_reply', actorUserId: actors.staff.id });
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking.id));
    expect(mails.map((m) => m.template)).toEqual(['confirmed']);
  });

  it('declines on an English "No" above "On … wrote:"', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, 'STAFF@Example.com', {
      text: 'No\n\nOn Mon, Mar 4, 2030 at 10:00 AM 资源预约 <booking@example.com> wrote:\n> Or simply reply "confirm" to this e-mail.',
    });
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toEqual({ outcome: 'declined', bookingId: booking.id });
    expect(await statusOf(booking.id)).toMatchObject({ status: 'cancelled', statusReason: 'declined' });
  });

  it('declines on 取消 above a -----原始邮件----- block', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, 'staff@example.com', {
      text: '取消\n\n-----原始邮件-----\n发件人: 资源预约 <booking@example.com>\n发送时间: 2030年3月4日 10:00\n主题: 预约已批准\n\n请回复确认',
    });
    expect((await handleInboundEmail(db(), raw, { now: NOW })).outcome).toBe('declined');
  });

  it('reads an HTML-only reply found by the plus address alone', async () => {
    const booking = await awaiting(); // a customer booking: the sender must be its contact address
    const raw = await reply(
      booking,
      'Guest@Customer.Example.com',
      { html: '<div dir="ltr">Yes<br></div><blockquote>Please reply confirm or decline</blockquote>' },
      { threaded: false },
    );
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toEqual({ outcome: 'confirmed', bookingId: booking.id });
    expect((await statusOf(booking.id)).status).toBe('confirmed');
  });

  it('refuses a stranger: nothing changes, the attempt is recorded', async () => {
    const booking = await awaiting(actors.staff);
    const before = await snapshot(db(), booking.id);
    const raw = await reply(booking, 'mallory@evil.example', { text: '确认' });
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toEqual({ outcome: 'wrong_sender', bookingId: booking.id });
    const after = await snapshot(db(), booking.id);
    expect(after.booking).toEqual(before.booking);
    expect(after.mails).toBe(before.mails);
    expect(after.events).toBe(before.events + 1);
    expect(await lastEvent(booking.id)).toMatchObject({ action: 'email_reply_wrong_sender', note: 'mallory@evil.example' });
  });

  it('another applicant is a stranger too', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, 'staff2@example.com', { text: 'yes' });
    expect((await handleInboundEmail(db(), raw, { now: NOW })).outcome).toBe('wrong_sender');
    expect((await statusOf(booking.id)).status).toBe('awaiting_confirmation');
  });

  it('an unknown word changes nothing, is recorded, and admin is e-mailed', async () => {
    const booking = await awaiting(actors.staff);
    const before = await snapshot(db(), booking.id);
    const raw = await reply(booking, 'staff@example.com', {
      text: '能否改到下午三点？\n\n在 2030年3月4日 10:00，资源预约 写道：\n> 请回复确认',
    });
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toEqual({ outcome: 'unrecognized', bookingId: booking.id });
    expect((await snapshot(db(), booking.id)).booking).toEqual(before.booking);
    expect(await lastEvent(booking.id)).toMatchObject({ action: 'email_reply_unrecognized', note: '能否改到下午三点？' });
    const mails = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'reply-unrecognized')));
    expect(mails.map((m) => m.toAddress)).toEqual(['admin@example.com']);
    expect(mails[0].payload).toMatchObject({ from: 'staff@example.com', excerpt: '能否改到下午三点？' });

    // The same message posted again is handled once.
    expect(await handleInboundEmail(db(), raw, { now: NOW })).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
  });

  it('a reply after the deadline changes nothing', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, 'staff@example.com', { text: '确认' });
    const late = new Date(NOW.getTime() + 25 * 3_600_000);
    expect(await handleInboundEmail(db(), raw, { now: late })).toMatchObject({ outcome: 'ignored', reason: 'deadline_passed' });
    expect((await statusOf(booking.id)).status).toBe('awaiting_confirmation');
  });

  it('ignores auto-replies and mail about no booking', async () => {
    const booking = await awaiting(actors.staff);
    const auto = await reply(booking, 'staff@example.com', { text: 'Yes', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(await handleInboundEmail(db(), auto, { now: NOW })).toMatchObject({ outcome: 'ignored', reason: 'auto_reply' });
    const stray = await new MailComposer({ from: 'staff@example.com', to: 'reply@booking.test', subject: 'hi', text: 'yes' })
      .compile()
      .build();
    expect(await handleInboundEmail(db(), stray, { now: NOW })).toEqual({ outcome: 'unknown_booking' });
    expect((await statusOf(booking.id)).status).toBe('awaiting_confirmation');
  });
});

describe('unforgeable reply addresses', () => {
  const post = (raw: Buffer) =>
    POST(
      new Request('http://booking.test/api/inbound/email', {
        method: 'POST',
        body: new Uint8Array(raw),
        headers: { authorization: 'Bearer inbound-secret', 'content-type': 'message/rfc822' },
      }),
    );
  const forged = (booking: Booking, headers: Partial<Mail.Options>) =>
    new MailComposer({ from: 'staff@example.com', subject: `Re: ${booking.reference}`, text: '确认', ...headers }).compile().build();

  beforeAll(() => {
    process.env.INBOUND_EMAIL_SECRET = 'inbound-secret';
  });

  it('carries a signature in the reply address and the Message-ID', async () => {
    const booking = await awaiting(actors.staff);
    expect(bookingReplyAddress(booking.id)).toMatch(new RegExp(`^reply\\+${booking.id}\\.[0-9a-f]{24}@booking\\.test$`));
    expect(bookingMessageId(booking.id, OUTBOX_ID)).toMatch(new RegExp(`^<booking\\.${booking.id}\\.${OUTBOX_ID}\\.[0-9a-f]{24}@booking\\.test>$`));
  });

  it.each([
    ['an unsigned reply address', 'unsigned', (b: Booking) => ({ to: `reply+${b.id}@booking.test` })],
    ['a wrongly signed reply address', 'bad_signature', (b: Booking) => ({ to: `reply+${b.id}.${'0'.repeat(24)}@booking.test` })],
    [
      "another booking's signature",
      'bad_signature',
      (b: Booking, other: Booking) => ({ to: bookingReplyAddress(other.id).replace(other.id, b.id) }),
    ],
    [
      'an unsigned Message-ID in In-Reply-To',
      'unsigned',
      (b: Booking) => ({ to: 'reply@booking.test', inReplyTo: `<booking.${b.id}.${OUTBOX_ID}@booking.test>` }),
    ],
    [
      'a Message-ID whose signature belongs to another mail',
      'bad_signature',
      (b: Booking) => ({
        to: 'reply@booking.test',
        references: bookingMessageId(b.id, OUTBOX_ID).replace(OUTBOX_ID, '00000000-0000-4000-8000-000000000002'),
      }),
    ],
  ] as const)('ignores a reply through %s from the applicant, and shows it to admin', async (_name, reason, headers) => {
    const booking = await awaiting(actors.staff);
    const other = await awaiting(actors.staff);
    const before = await snapshot(db(), booking.id);
    const raw = await forged(booking, headers(booking, other));

    const response = await post(raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'refused', reason, bookingId: booking.id });
    const after = await snapshot(db(), booking.id);
    expect(after).toEqual(before);

    const refused = await listRefusedReplies(db(), actors.admin);
    expect(refused.rows[0]).toMatchObject({ reason, from: 'staff@example.com', reference: booking.reference, bookingId: booking.id });

    // A provider posting it again adds no second record.
    await post(raw);
    expect((await listRefusedReplies(db(), actors.admin)).total).toBe(refused.total);
  });

  it('names no booking that does not exist, and shows the refusal to admin only', async () => {
    const ghost = '00000000-0000-4000-8000-0000000000ff';
    const raw = await new MailComposer({ from: 'mallory@evil.example', to: `reply+${ghost}@booking.test`, subject: 'yes', text: 'yes' })
      .compile()
      .build();
    expect(await (await post(raw)).json()).toEqual({ outcome: 'refused', reason: 'unsigned' });
    expect((await listRefusedReplies(db(), actors.admin)).rows[0]).toMatchObject({ from: 'mallory@evil.example', bookingId: null });
    await expect(listRefusedReplies(db(), actors.staff)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('acts on a signed address even when a forged reference comes with it', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await forged(booking, { to: bookingReplyAddress(booking.id), inReplyTo: `<booking.${booking.id}.${OUTBOX_ID}@evil.example>` });
    expect(await (await post(raw)).json()).toEqual({ outcome: 'confirmed', bookingId: booking.id });
  });
});

describe('POST /api/inbound/email', () => {
  const post = (body: string | Buffer, auth?: string, headers: Record<string, string> = {}) =>
    POST(
      new Request('http://booking.test/api/inbound/email', {
        method: 'POST',
        body: typeof body === 'string' ? body : new Uint8Array(body),
        headers: { ...(auth ? { authorization: auth } : {}), ...headers },
      }),
    );

  it('is closed while INBOUND_EMAIL_SECRET is not set', async () => {
    delete process.env.INBOUND_EMAIL_SECRET;
    expect((await post('x', 'Bearer anything')).status).toBe(503);
  });

  it('wants the bearer secret, limits the size, and answers the outcome', async () => {
    process.env.INBOUND_EMAIL_SECRET = 'inbound-secret';
    const booking = await awaiting(actors.staff);
    const raw = await reply(booking, 'staff@example.com', { text: 'confirm' });

    expect((await post(raw, undefined)).status).toBe(401);
    expect((await post(raw, 'Bearer wrong')).status).toBe(401);
    expect((await statusOf(booking.id)).status).toBe('awaiting_confirmation');
    expect((await post(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), 'Bearer inbound-secret')).status).toBe(413);
    expect((await post('', 'Bearer inbound-secret')).status).toBe(400);

    const response = await post(raw, 'Bearer inbound-secret', { 'content-type': 'message/rfc822' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'confirmed', bookingId: booking.id });
    expect((await statusOf(booking.id)).status).toBe('confirmed');
  });
});

describe('a reply to "more information needed"', () => {
  const post = (raw: Buffer) =>
    POST(
      new Request('http://booking.test/api/inbound/email', {
        method: 'POST',
        body: new Uint8Array(raw),
        headers: { authorization: 'Bearer inbound-secret', 'content-type': 'message/rfc822' },
      }),
    );

  /** A customer's pending request that admin asks about; the reply answers the info-request mail. */
  async function askedAbout(): Promise<{ booking: Booking; answer: (body: Partial<Mail.Options>) => Promise<Buffer> }> {
    const resource = await resourceByCode(db(), 'MR-501');
    const pending = await seedBooking(db(), { resourceId: resource.id, ...slot(`2030-06-${String(day++).padStart(2, '0')}`, '09:00', '10:00'), status: 'pending' });
    const booking = await requestInfo(db(), actors.admin, { bookingId: pending.id, message: '请提供来访人员名单。' }, { now: NOW });
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'info-requested')));
    const inReplyTo = bookingMessageId(booking.id, mail.id);
    const answer = (body: Partial<Mail.Options>) =>
      new MailComposer({
        from: '测试客户 <guest@customer.example.com>',
        to: bookingReplyAddress(booking.id),
        subject: `Re: 预约 ${booking.reference} 需要补充信息`,
        inReplyTo,
        references: inReplyTo,
        ...body,
      })
        .compile()
        .build();
    return { booking, answer };
  }

  it('supplements through the inbound route: the text without the quoted mail, back to pending, in the history', async () => {
    process.env.INBOUND_EMAIL_SECRET = 'inbound-secret';
    const { booking, answer } = await askedAbout();
    const raw = await answer({
      text: '您好，来访人员：张三、李四。\n\n发自我的iPhone\n\n在 2030年3月4日 10:00，资源预约 <booking@example.com> 写道：\n> 请提供来访人员名单。',
      messageId: '<answer-1@customer.example.com>',
    });
    const response = await post(raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'supplemented', bookingId: booking.id });
    expect((await statusOf(booking.id)).status).toBe('pending');
    expect(await lastEvent(booking.id)).toMatchObject({
      action: 'supplement',
      fromStatus: 'needs_info',
      toStatus: 'pending',
      actorKind: 'email_reply',
      note: '您好，来访人员：张三、李四。',
      data: { via: 'email_reply', messageId: '<answer-1@customer.example.com>' },
    });
    // The provider posting it again changes nothing and answers nobody.
    const before = await snapshot(db(), booking.id);
    expect(await (await post(raw)).json()).toEqual({ outcome: 'ignored', bookingId: booking.id, reason: 'duplicate' });
    expect(await snapshot(db(), booking.id)).toEqual(before);
  });

  it('a "yes" while information is needed is the answer too, not a confirmation', async () => {
    const { booking, answer } = await askedAbout();
    expect(await handleInboundEmail(db(), await answer({ text: 'Yes' }), { now: NOW })).toEqual({ outcome: 'supplemented', bookingId: booking.id });
    expect(await lastEvent(booking.id)).toMatchObject({ action: 'supplement', note: 'Yes' });
  });

  it('from a stranger, or when the booking no longer needs information, it stays as today', async () => {
    const { booking, answer } = await askedAbout();
    const stranger = await answer({ from: 'mallory@evil.example', text: '名单：王五' });
    expect((await handleInboundEmail(db(), stranger, { now: NOW })).outcome).toBe('wrong_sender');
    expect((await statusOf(booking.id)).status).toBe('needs_info');

    await handleInboundEmail(db(), await answer({ text: '名单：张三' }), { now: NOW });
    const before = await snapshot(db(), booking.id);
    const late = await answer({ text: '再补充：还有李四' });
    expect(await handleInboundEmail(db(), late, { now: NOW })).toEqual({ outcome: 'unrecognized', bookingId: booking.id });
    const after = await snapshot(db(), booking.id);
    expect(after.booking).toEqual(before.booking);
    expect(await lastEvent(booking.id)).toMatchObject({ action: 'email_reply_unrecognized', note: '再补充：还有李四' });
    const mails = await db()
      .select({ template: emailOutbox.template })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.bookingId, booking.id), eq(emailOutbox.template, 'reply-unrecognized')));
    expect(mails).toHaveLength(1);
  });

  it('an empty reply to it changes nothing and is shown to admin as not understood', async () => {
    const { booking, answer } = await askedAbout();
    const raw = await answer({ text: '\n\n在 2030年3月4日 10:00，资源预约 写道：\n> 请提供来访人员名单。' });
    expect((await handleInboundEmail(db(), raw, { now: NOW })).outcome).toBe('unrecognized');
    expect((await statusOf(booking.id)).status).toBe('needs_info');
  });
});
