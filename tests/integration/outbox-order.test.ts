/**
 * One booking's mails arrive in the order they were queued, through an SMTP outage: a later
 * mail waits while an earlier one for the same booking is pending (lib/mail/deliver.ts), and
 * another booking's mail is not held up by it.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { approveBooking } from '@/lib/booking/review';
import { deliverOutbox } from '@/lib/mail/deliver';
import { notify } from '@/lib/mail/notify';
import { loadActors, NOW, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;
let smtp: TestSmtpServer;
const SECOND = 1000;

beforeAll(async () => {
  process.env.APP_URL = 'http://booking.test';
  actors = await loadActors(db());
});

afterAll(async () => {
  await smtp?.close();
});

const rowsOf = (bookingId: string) =>
  db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId)).orderBy(asc(emailOutbox.seq));

describe('outbox order', () => {
  it("sends one booking's mails in the order they were queued, across an outage", async () => {
    const resource = await resourceByCode(db(), 'MR-301');
    const booking = await seedBooking(db(), { resourceId: resource.id, requester: actors.staff, ...slot('2030-08-05', '10:00', '11:00') });
    const other = await seedBooking(db(), { resourceId: resource.id, requester: actors.staff2, ...slot('2030-08-05', '14:00', '15:00') });
    await notify(db(), 'request_received', booking.id);
    await approveBooking(db(), actors.admin, { bookingId: booking.id, opinion: '同意' }, { now: NOW });
    await notify(db(), 'confirmation_reminder', booking.id, { occasion: 'reminder' });
    const queued = (await rowsOf(booking.id)).map((r) => r.template);
    expect(queued).toEqual(['request-received', 'approved', 'confirmation-reminder']);

    // The mail server is down: the first mail fails; the two after it are not even tried.
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    expect(await deliverOutbox(db(), { now: NOW })).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await rowsOf(booking.id)).map((r) => r.attempts)).toEqual([1, 0, 0]);

    // Back up before the first mail's retry is due: the later ones still wait for it, while
    // another booking's mail is not held up.
    await notify(db(), 'request_received', other.id);
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    expect(await deliverOutbox(db(), { now: new Date(NOW.getTime() + 10 * SECOND) })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect((await rowsOf(other.id)).map((r) => r.status)).toEqual(['sent']);

    // When it is due, all three go in one run, in their order.
    expect(await deliverOutbox(db(), { now: new Date(NOW.getTime() + 61 * SECOND) })).toEqual({ sent: 3, failed: 0, dead: 0 });
    const rows = await rowsOf(booking.id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const arrived = smtp.received.filter((r) => r.mail.messageId?.includes(`booking.${booking.id}.`)).map((r) => r.mail.messageId);
    expect(arrived).toEqual(rows.map((r) => r.messageId));
    expect(rows[0].sentAt!.getTime()).toBeLessThanOrEqual(rows[1].sentAt!.getTime());
  });
});
