/**
 * A reply the app does not understand gets a short answer in the booking's language: not
 * understood, which words work, the office will read it. Through the real inbound route and a
 * real SMTP server; once per received message; never to auto-replies or bounces, and never more
 * than a few a day for one booking (an auto-responder without the headers cannot start a loop).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/inbound/email/route';
import { bookings, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { bookingMessageId, bookingReplyAddress } from '@/lib/mail/addresses';
import { deliverOutbox } from '@/lib/mail/deliver';
import { loadActors, NOW, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const { db, handle } = useTestDb();
let actors: Record<Who, UserActor>;
let smtp: TestSmtpServer;
let day = 1;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  process.env.INBOUND_EMAIL_SECRET = 'inbound-secret';
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  actors = await loadActors(db());
});

afterAll(async () => {
  await smtp.close();
});

async function awaiting(requester?: UserActor): Promise<Booking> {
  const resource = await resourceByCode(db(), 'MR-501');
  return seedBooking(db(), {
    resourceId: resource.id,
    requester,
    ...slot(`2030-09-${String(day++).padStart(2, '0')}`, '14:00', '15:00'),
    status: 'awaiting_confirmation',
    approvedAt: NOW,
    confirmDeadline: new Date(NOW.getTime() + 24 * 3_600_000),
  });
}

const replyTo = (booking: Booking, from: string, text: string, extra: Partial<Mail.Options> = {}) =>
  new MailComposer({
    from,
    to: bookingReplyAddress(booking.id),
    subject: `Re: ${booking.reference}`,
    messageId: `<${randomUUID()}@client.example>`,
    inReplyTo: bookingMessageId(booking.id, randomUUID()),
    text,
    ...extra,
  })
    .compile()
    .build();

async function post(raw: Buffer) {
  const response = await POST(
    new Request('http://booking.test/api/inbound/email', {
      method: 'POST',
      body: new Uint8Array(raw),
      headers: { authorization: 'Bearer inbound-secret', 'content-type': 'message/rfc822' },
    }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

/** Delivers the outbox and returns the answers that reached `to` about this booking. */
async function answersTo(to: string, booking: Booking) {
  await deliverOutbox(db());
  return smtp.received.filter(
    (r) => r.to.includes(to.toLowerCase()) && r.mail.messageId?.includes(`booking.${booking.id}.`) && /未能识别您的回复|not understood|could not read/i.test(r.mail.subject ?? ''),
  );
}

describe('an answer to a reply that was not understood', () => {
  it('reaches a Chinese-speaking applicant once, saying which words work and that the office reads it', async () => {
    const booking = await awaiting(actors.staff);
    const raw = await replyTo(booking, '张销售 <staff@example.com>', '能否改到下午三点？');
    expect(await post(raw)).toEqual({ outcome: 'unrecognized', bookingId: booking.id });

    const [answer, ...more] = await answersTo('staff@example.com', booking);
    expect(more).toHaveLength(0);
    expect(answer.mail.subject).toBe(`未能识别您的回复：${booking.reference}`);
    const text = answer.mail.text ?? '';
    expect(text).toContain('“确认”');
    expect(text).toContain('“取消”');
    expect(text).toContain('行政部门会阅读您的邮件');
    // It is marked as automatic, so the applicant's own auto-responder stays quiet.
    expect(answer.mail.headers.get('auto-submitted')).toBe('auto-generated');
    // Admin hears of the reply too, and nothing about the booking changed.
    expect(smtp.received.some((r) => r.to.includes('admin@example.com') && r.mail.subject?.includes(booking.reference))).toBe(true);
    expect((await db().select().from(bookings).where(eq(bookings.id, booking.id)))[0].status).toBe('awaiting_confirmation');

    // The same message posted again is not answered again.
    expect(await post(raw)).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect(await answersTo('staff@example.com', booking)).toHaveLength(1);
  });

  it("is in English for a customer who booked in English", async () => {
    const booking = await awaiting();
    await db().update(bookings).set({ locale: 'en' }).where(eq(bookings.id, booking.id));
    expect(await post(await replyTo(booking, booking.contactEmail!, 'Can we make it 3pm instead?'))).toMatchObject({ outcome: 'unrecognized' });
    const [answer] = await answersTo(booking.contactEmail!, booking);
    expect(answer.mail.subject).toBe(`We could not read your reply: ${booking.reference}`);
    expect(answer.mail.text).toContain('reply with just "confirm" or "yes"');
    expect(answer.mail.text).toContain('The office will read your message');
  });

  it('never answers an auto-reply, a bounce or a list', async () => {
    const booking = await awaiting(actors.staff);
    const automatic = [
      await replyTo(booking, 'staff@example.com', 'I am out of office until Monday.', { headers: { 'Auto-Submitted': 'auto-replied' } }),
      await replyTo(booking, 'MAILER-DAEMON@mail.example.com', 'Delivery Status Notification (Failure)'),
      await replyTo(booking, 'staff@example.com', 'Out of office', { headers: { Precedence: 'auto_reply' } }),
      await replyTo(booking, 'staff@example.com', 'Out of office', { headers: { 'X-Autoreply': 'yes' } }),
    ];
    for (const raw of automatic) expect(await post(raw)).toMatchObject({ outcome: 'ignored', reason: 'auto_reply' });
    expect(await answersTo('staff@example.com', booking)).toHaveLength(0);
  });

  it('answers at most three unclear replies a day for one booking', async () => {
    const booking = await awaiting(actors.staff);
    for (let i = 0; i < 5; i++) {
      expect(await post(await replyTo(booking, 'staff@example.com', `Thank you for your message (${i})`))).toMatchObject({ outcome: 'unrecognized' });
    }
    expect(await answersTo('staff@example.com', booking)).toHaveLength(3);
  });
});
