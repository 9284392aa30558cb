/**
 * The cron route: the bearer secret is required, unknown jobs are 404, each job answers its
 * counts; two calls at the same moment handle every expiry once and send every mail once.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/cron/[job]/route';
import { bookings, emailOutbox } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const { db, handle } = useTestDb();
let actors: Record<Who, UserActor>;
let smtp: TestSmtpServer;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.CRON_SECRET = 'cron-secret';
  process.env.MAILBOX_DIR = await mkdtemp(join(tmpdir(), 'cron-test-mailbox-'));
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  actors = await loadActors(db());
});

afterAll(async () => {
  await smtp.close();
});

const call = (method: typeof GET, job: string, auth?: string) =>
  method(new Request(`http://booking.test/api/cron/${job}`, { headers: auth ? { authorization: auth } : {} }), {
    params: Promise.resolve({ job }),
  });

describe('/api/cron/<job>', () => {
  it('401 without or with a wrong bearer, 503 while CRON_SECRET is unset', async () => {
    expect((await call(GET, 'deliver-outbox')).status).toBe(401);
    expect((await call(POST, 'deliver-outbox', 'Bearer wrong')).status).toBe(401);
    expect((await call(GET, 'deliver-outbox', 'cron-secret')).status).toBe(401);
    delete process.env.CRON_SECRET;
    try {
      expect((await call(GET, 'deliver-outbox', 'Bearer cron-secret')).status).toBe(503);
    } finally {
      process.env.CRON_SECRET = 'cron-secret';
    }
  });

  it('404 for an unknown job', async () => {
    expect((await call(GET, 'make-coffee', 'Bearer cron-secret')).status).toBe(404);
  });

  it('200 with counts for each job, by GET and POST', async () => {
    for (const [method, job] of [
      [GET, 'expire-unconfirmed'],
      [POST, 'send-reminders'],
      [POST, 'release-no-shows'],
      [GET, 'complete-ended'],
      [GET, 'deliver-outbox'],
    ] as const) {
      const response = await call(method, job, 'Bearer cron-secret');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.job).toBe(job);
      expect(Object.values(body).filter((v) => typeof v === 'number').length).toBeGreaterThan(0);
    }
  });

  it('two instances at the same moment: every expiry once, every mail once', async () => {
    const resource = await resourceByCode(db(), 'MR-601');
    const past = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const booking = await seedBooking(db(), {
        resourceId: resource.id,
        requester: actors.staff,
        ...slot(`2031-01-${String(6 + i).padStart(2, '0')}`, '10:00', '11:00'),
        status: 'awaiting_confirmation',
        approvedAt: new Date(past.getTime() - 3_600_000),
        confirmDeadline: past,
      });
      ids.push(booking.id);
    }

    const expiries = await Promise.all([call(POST, 'expire-unconfirmed', 'Bearer cron-secret'), call(POST, 'expire-unconfirmed', 'Bearer cron-secret')]);
    const expired = await Promise.all(expiries.map((r) => r.json()));
    expect(expired[0].expired + expired[1].expired).toBe(6);
    const rows = await db().select().from(bookings).where(inArray(bookings.id, ids));
    expect(rows.every((b) => b.status === 'expired')).toBe(true);

    const deliveries = await Promise.all([call(GET, 'deliver-outbox', 'Bearer cron-secret'), call(GET, 'deliver-outbox', 'Bearer cron-secret')]);
    const delivered = await Promise.all(deliveries.map((r) => r.json()));
    expect(delivered[0].sent + delivered[1].sent).toBe(6);
    for (const id of ids) {
      expect(smtp.received.filter((r) => r.mail.messageId?.includes(`booking.${id}.`))).toHaveLength(1);
    }
    const mails = await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
    expect(mails.map((m) => m.template)).toEqual(Array(6).fill('expired'));
  });
});
