/**
 * E-mail reaches a real SMTP server: the approval mail to the right person, in their language
 * (sender name and dates too), with the time in the org zone (the process runs in
 * America/New_York), a valid .ics and a
 * working Confirm link; an SMTP outage loses nothing and sends nothing twice; two workers at
 * once send every mail once.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, users, type Booking } from '@/db/schema';
import { sendDevReplyAction } from '@/app/dev/mailbox/[id]/actions';
import { ANONYMOUS, type UserActor } from '@/lib/authz';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { cancelBooking, confirmBooking } from '@/lib/booking/applicant';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { approveBooking, rejectBooking } from '@/lib/booking/review';
import { handleInboundEmail } from '@/lib/inbound/handle-reply';
import { deliverOutbox, MAX_ATTEMPTS } from '@/lib/mail/deliver';
import { composeDevReply, listDevMailbox, readDevMailbox } from '@/lib/mail/dev-mailbox';
import { bookingMessageId, bookingReplyAddress } from '@/lib/mail/addresses';
import { notify } from '@/lib/mail/notify';
import { listUndeliveredMail, retryDeadMail } from '@/lib/mail/outbox-admin';
import { resolveToken } from '@/lib/tokens';
import { loadActors, NOW, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { closedPort, startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp';
import { untranslatedIn } from '../helpers/untranslated';

const { db } = useTestDb();
let smtp: TestSmtpServer;
let actors: Record<Who, UserActor>;
const MINUTE = 60_000;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = 'http://booking.test';
  actors = await loadActors(db());
  await db().update(users).set({ locale: 'en' }).where(eq(users.id, actors.staff2.id));
});

afterAll(async () => {
  await smtp.close();
});

async function approved(requester: UserActor, day: string, code = 'MR-301'): Promise<Booking> {
  const resource = await resourceByCode(db(), code);
  const booking = await seedBooking(db(), { resourceId: resource.id, requester, ...slot(day, '09:30', '11:30') });
  return approveBooking(db(), actors.admin, { bookingId: booking.id, opinion: '同意，请按时使用。' }, { now: NOW });
}

const mailsFor = (server: TestSmtpServer, bookingId: string): ReceivedMail[] =>
  server.received.filter((r) => r.mail.messageId?.includes(`booking.${bookingId}.`));

const outboxOf = (bookingId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));

describe('approval e-mail', () => {
  it('reaches a Chinese-speaking applicant once, in Chinese, with Shanghai times, an .ics and a working link', async () => {
    const booking = await approved(actors.staff, '2030-03-06');
    expect(await deliverOutbox(db(), { now: NOW })).toEqual({ sent: 1, failed: 0, dead: 0 });

    const [received] = mailsFor(smtp, booking.id);
    expect(mailsFor(smtp, booking.id)).toHaveLength(1);
    expect(received.to).toEqual(['staff@example.com']);
    const { mail } = received;
    expect(mail.subject).toContain(booking.reference);
    expect(mail.subject).toContain('预约已批准');
    const text = mail.text ?? '';
    expect(text).toContain(booking.reference);
    expect(text).toContain('301 会议室');
    expect(text).toContain('同意，请按时使用。');
    expect(text).toContain('请在会议结束后关闭投影仪并擦净白板。');
    expect(mail.from?.value).toEqual([{ name: '资源预约', address: 'booking@example.com' }]);
    expect(text).toContain('2030年3月6日（周三）09:30–11:30（北京时间）');
    // 09:30 in Shanghai is 20:30 the evening before in New York, where the process runs.
    expect(text).toContain('09:30');
    expect(text).not.toContain('20:30');
    expect(text).toContain('或直接回复本邮件“确认”');
    expect(mail.html).toContain(booking.reference);

    // Reply identification.
    const [row] = await outboxOf(booking.id);
    // Signed by the server secret, so only a reply to this very mail names the booking.
    expect(mail.messageId).toBe(bookingMessageId(booking.id, row.id));
    expect(mail.messageId).toMatch(new RegExp(`^<booking\\.${booking.id}\\.${row.id}\\.[0-9a-f]{24}@booking\\.test>$`));
    expect(mail.replyTo?.value[0].address).toBe(bookingReplyAddress(booking.id));

    // The invitation parses back, at the booked instant.
    const ics = mail.attachments.find((a) => a.filename === 'invite.ics');
    expect(ics).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`${booking.id}@booking.test`);
    expect(event.startDate.toJSDate().toISOString()).toBe(booking.startAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(booking.endAt.toISOString());
    expect(event.summary).toContain(booking.reference);
    expect(event.location).toBe('总部 3 楼');

    // The Confirm button's token opens this booking (and only shows it: it is not used).
    const link = /http:\/\/booking\.test\/r\/([A-Za-z0-9_-]{43})\?intent=confirm/.exec(text);
    expect(link).not.toBeNull();
    await expect(resolveToken(db(), link![1], ['respond'])).resolves.toMatchObject({ bookingId: booking.id });

    // Sent, with the plain link URLs dropped from the stored payload.
    const [sent] = await outboxOf(booking.id);
    expect(sent.status).toBe('sent');
    expect(sent.messageId).toBe(mail.messageId);
    expect(sent.payload).not.toHaveProperty('links');
    expect(await deliverOutbox(db(), { now: new Date(NOW.getTime() + 60 * MINUTE) })).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(mailsFor(smtp, booking.id)).toHaveLength(1);
  });

  it('is in English for an English-speaking applicant', async () => {
    const booking = await approved(actors.staff2, '2030-03-07');
    await deliverOutbox(db(), { now: NOW });
    const [{ to, mail }] = mailsFor(smtp, booking.id);
    expect(to).toEqual(['staff2@example.com']);
    expect(mail.subject).toBe(`Booking approved, please confirm: ${booking.reference} (Meeting Room 301)`);
    const text = mail.text ?? '';
    expect(mail.from?.value).toEqual([{ name: 'Resource Booking', address: 'booking@example.com' }]);
    expect(text).toContain('Thu 7 Mar 2030, 09:30–11:30 (China Standard Time)');
    expect(text).toContain('09:30');
    expect(text).toContain('Please switch off the projector');
    expect(text).toContain('Or simply reply "confirm"');
  });
});

describe('SMTP outage', () => {
  it('loses nothing and sends nothing twice when the server is down, then back', async () => {
    const port = await closedPort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      const booking = await approved(actors.staff, '2030-03-08');
      expect(await deliverOutbox(db(), { now: NOW })).toEqual({ sent: 0, failed: 1, dead: 0 });
      let [row] = await outboxOf(booking.id);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt.getTime()).toBe(NOW.getTime() + MINUTE);

      // Not due again before its backoff.
      expect(await deliverOutbox(db(), { now: new Date(NOW.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0, dead: 0 });
      expect(await deliverOutbox(db(), { now: new Date(NOW.getTime() + MINUTE) })).toEqual({ sent: 0, failed: 1, dead: 0 });
      [row] = await outboxOf(booking.id);
      expect(row.attempts).toBe(2);
      expect(row.nextAttemptAt.getTime()).toBe(NOW.getTime() + MINUTE + 2 * MINUTE);

      // The server comes back on the same port.
      const back = await startSmtpServer(port);
      try {
        const later = new Date(NOW.getTime() + 10 * MINUTE);
        expect(await deliverOutbox(db(), { now: later })).toEqual({ sent: 1, failed: 0, dead: 0 });
        expect(await deliverOutbox(db(), { now: new Date(later.getTime() + 60 * MINUTE) })).toEqual({ sent: 0, failed: 0, dead: 0 });
        expect(mailsFor(back, booking.id)).toHaveLength(1);
        [row] = await outboxOf(booking.id);
        expect(row.status).toBe('sent');
      } finally {
        await back.close();
      }
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });

  it('gives up after the last attempt, shows the mail to admin, and admin can send it again', async () => {
    const port = await closedPort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    let booking: Booking;
    let now = NOW;
    try {
      booking = await approved(actors.staff, '2030-03-11');
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const result = await deliverOutbox(db(), { now });
        expect(result).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, failed: 1, dead: 0 } : { sent: 0, failed: 0, dead: 1 });
        now = new Date(now.getTime() + 61 * MINUTE);
      }
      const [row] = await outboxOf(booking.id);
      expect(row).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
      const listed = await listUndeliveredMail(db(), actors.admin, { status: 'dead' });
      expect(listed.rows.find((m) => m.id === row.id)).toMatchObject({ status: 'dead', to: 'staff@example.com', template: 'approved' });
      await expect(listUndeliveredMail(db(), actors.staff, { status: 'dead' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(retryDeadMail(db(), actors.staff, row.id)).rejects.toMatchObject({ code: 'forbidden' });
      await retryDeadMail(db(), actors.admin, row.id, now);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    expect(await deliverOutbox(db(), { now })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(mailsFor(smtp, booking.id)).toHaveLength(1);
  });
});

describe('without SMTP_URL', () => {
  it('development keeps mail in the dev mailbox, and a reply from there confirms', async () => {
    process.env.MAILBOX_DIR = await mkdtemp(join(tmpdir(), 'mail-delivery-mailbox-'));
    delete process.env.SMTP_URL;
    try {
      const booking = await approved(actors.staff, '2030-03-12');
      expect(await deliverOutbox(db(), { now: NOW })).toEqual({ sent: 1, failed: 0, dead: 0 });
      const [entry] = await listDevMailbox();
      expect(entry).toMatchObject({ to: 'staff@example.com' });
      expect(entry.subject).toContain(booking.reference);
      const message = await readDevMailbox(entry.id);
      expect(message?.attachments.map((a) => a.filename)).toContain('invite.ics');
      expect(await readDevMailbox('../../etc/passwd')).toBeNull();

      const reply = await composeDevReply(message!, '确认');
      expect(await handleInboundEmail(db(), reply, { now: NOW })).toEqual({ outcome: 'confirmed', bookingId: booking.id });

      // Replying again from the mailbox page changes nothing, and says so in words, not codes.
      const again = new FormData();
      again.set('id', entry.id);
      again.set('body', '确认');
      const result = await sendDevReplyAction.invoke({ db: db(), actor: ANONYMOUS, locale: 'zh', headers: new Headers() }, again);
      expect(result).toMatchObject({ ok: true, data: { outcome: 'ignored' } });
      const said = result.ok ? result.message! : '';
      expect(said).toMatch(/^处理结果：未处理（.+）$/);
      expect(untranslatedIn(said)).toEqual([]);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });

  it('production keeps mail queued with a clear reason, without using up attempts', async () => {
    const env = process.env as Record<string, string | undefined>;
    const nodeEnv = env.NODE_ENV;
    const secret = env.AUTH_SECRET;
    env.NODE_ENV = 'production';
    // Production always has its secret (the server does not start without it).
    env.AUTH_SECRET ??= 'a production secret';
    delete process.env.SMTP_URL;
    try {
      const booking = await approved(actors.staff, '2030-03-13');
      // (The confirmation queued by the test above waits too.)
      expect(await deliverOutbox(db(), { now: NOW })).toMatchObject({ sent: 0, dead: 0 });
      const [row] = await outboxOf(booking.id);
      expect(row).toMatchObject({ status: 'pending', attempts: 0 });
      expect(row.lastError).toContain('SMTP_URL is not set');
    } finally {
      env.NODE_ENV = nodeEnv;
      if (secret === undefined) delete env.AUTH_SECRET;
      process.env.SMTP_URL = smtp.url;
    }
  });
});

describe('two workers at once', () => {
  it('send every mail exactly once', async () => {
    const resource = await resourceByCode(db(), 'MR-302');
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const day = `2030-04-${String(1 + Math.floor(i / 8)).padStart(2, '0')}`;
      const hour = String(9 + (i % 8)).padStart(2, '0');
      const booking = await seedBooking(db(), { resourceId: resource.id, requester: actors.staff, ...slot(day, `${hour}:00`, `${hour}:45`) });
      await notify(db(), 'request_received', booking.id);
      ids.push(booking.id);
    }
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const result = await deliverOutbox(db(), { now: NOW, limit: 4 });
        if (result.sent + result.failed + result.dead === 0) return sent;
        sent += result.sent;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(24);
    for (const id of ids) expect(mailsFor(smtp, id)).toHaveLength(1);
    const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 0)).toBe(true);
  });
});

/** The calendar part of a received mail: its METHOD and its one event's UID, SEQUENCE and STATUS. */
function calendarOf({ mail }: ReceivedMail) {
  const part = mail.attachments.find((a) => a.filename === 'invite.ics');
  if (!part) return undefined;
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
  };
}

describe('calendar hygiene', () => {
  it('a move updates the event and a cancellation of the confirmed booking removes it: same UID, rising SEQUENCE', async () => {
    const booking = await approved(actors.staff, '2030-04-16');
    await confirmBooking(db(), actors.staff, { bookingId: booking.id }, { now: NOW });
    await adminMoveBooking(db(), actors.admin, { bookingId: booking.id, ...slot('2030-04-16', '14:00', '15:00'), reason: '会议室检修' }, { now: NOW });
    await cancelBooking(db(), actors.staff, { bookingId: booking.id, reason: '会议取消' }, { now: NOW });
    await deliverOutbox(db(), { now: NOW });

    const received = mailsFor(smtp, booking.id);
    expect(received).toHaveLength(4);
    const parts = received.map(calendarOf);
    expect(parts.map((p) => [p?.method, p?.status])).toEqual([
      ['REQUEST', 'TENTATIVE'],
      ['REQUEST', 'CONFIRMED'],
      ['REQUEST', 'TENTATIVE'],
      ['CANCEL', 'CANCELLED'],
    ]);
    expect(new Set(parts.map((p) => p?.uid))).toEqual(new Set([`${booking.id}@booking.test`]));
    const sequences = parts.map((p) => p!.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(4);
  });

  it('a no-show release removes the confirmed event from the calendar', async () => {
    const booking = await approved(actors.staff2, '2030-04-17');
    await confirmBooking(db(), actors.staff2, { bookingId: booking.id }, { now: NOW });
    const released = new Date(booking.startAt.getTime() + 16 * MINUTE);
    expect((await releaseNoShows(db(), released)).released).toBeGreaterThanOrEqual(1);
    await deliverOutbox(db(), { now: released });

    const parts = mailsFor(smtp, booking.id).map(calendarOf);
    expect(parts.map((p) => p?.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(parts[2]).toMatchObject({ uid: `${booking.id}@booking.test`, status: 'CANCELLED' });
    expect(parts[2]!.sequence).toBeGreaterThan(parts[1]!.sequence);
  });

  it('a pending request rejected or cancelled never had an event, so its mail carries none', async () => {
    const resource = await resourceByCode(db(), 'MR-301');
    const rejected = await seedBooking(db(), { resourceId: resource.id, requester: actors.staff, ...slot('2030-04-18', '09:30', '11:30') });
    await rejectBooking(db(), actors.admin, { bookingId: rejected.id, reason: '当天会议室另有安排' }, { now: NOW });
    const withdrawn = await seedBooking(db(), { resourceId: resource.id, requester: actors.staff, ...slot('2030-04-19', '09:30', '11:30') });
    await cancelBooking(db(), actors.staff, { bookingId: withdrawn.id, reason: '不需要了' }, { now: NOW });
    await deliverOutbox(db(), { now: NOW });

    for (const booking of [rejected, withdrawn]) {
      const received = mailsFor(smtp, booking.id);
      expect(received).toHaveLength(1);
      expect(received[0].mail.attachments).toEqual([]);
      expect(received[0].mail.text).toContain(booking.reference);
    }
  });
});
