/**
 * The outbox never holds a usable link: a mail's row keeps a placeholder for each link token,
 * filled in only on the way to the mail server (lib/tokens.ts). Checked on the rows a customer's
 * approval leaves behind — queued, sent, and given up after an SMTP outage — by trying every
 * token-shaped string in every column against the token table, while the mail that arrives has
 * links that work.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { approveBooking } from '@/lib/booking/review';
import { deliverOutbox, MAX_ATTEMPTS } from '@/lib/mail/deliver';
import { retryDeadMail } from '@/lib/mail/outbox-admin';
import { resolveToken } from '@/lib/tokens';
import { loadActors, NOW, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const { db } = useTestDb();
let smtp: TestSmtpServer;
let actors: Record<Who, UserActor>;
const HOUR = 3_600_000;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.APP_URL = 'http://booking.test';
  actors = await loadActors(db());
});

afterAll(async () => {
  await smtp.close();
});

/** Every string in the rows' columns that a link token could be, and whether any opens a link. */
async function usableTokensIn(bookingId: string): Promise<string[]> {
  const rows = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
  const text = JSON.stringify(rows);
  const candidates = [...new Set(text.match(/[A-Za-z0-9_-]{43}/g) ?? [])];
  const usable: string[] = [];
  for (const candidate of candidates) {
    const opened = await resolveToken(db(), candidate, ['respond', 'manage', 'feedback'], NOW).then(
      () => true,
      () => false,
    );
    if (opened) usable.push(candidate);
  }
  return usable;
}

/** A customer's booking approved at NOW: its mail has respond and manage links. */
async function approvedCustomerBooking(date: string) {
  const resource = await resourceByCode(db(), 'SR-101');
  const seeded = await seedBooking(db(), { resourceId: resource.id, ...slot(date, '10:00', '11:00') });
  return approveBooking(db(), actors.admin, { bookingId: seeded.id, opinion: '同意' }, { now: NOW });
}

const tokensInMail = (text: string) => [...text.matchAll(/\/(?:r|m)\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);

describe('link tokens in the outbox', () => {
  it('are in no row that is queued, given up on or sent, and only in the mail that arrives', async () => {
    const booking = await approvedCustomerBooking('2030-07-01');
    expect(await usableTokensIn(booking.id)).toEqual([]);

    // The mail server is down until the mail is given up on.
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    let now = NOW;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverOutbox(db(), { now });
      now = new Date(now.getTime() + 2 * HOUR);
    }
    const [dead] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking.id));
    expect(dead.status).toBe('dead');
    expect(await usableTokensIn(booking.id)).toEqual([]);

    // Admin sends it again once the server is back; the mail carries working links.
    process.env.SMTP_URL = smtp.url;
    await retryDeadMail(db(), actors.admin, dead.id, now);
    expect(await deliverOutbox(db(), { now })).toMatchObject({ sent: 1 });
    const received = smtp.received.filter((r) => r.mail.messageId?.includes(`booking.${booking.id}.`));
    expect(received).toHaveLength(1);
    const inMail = tokensInMail(`${received[0].mail.text ?? ''} ${received[0].mail.html || ''}`);
    expect(inMail.length).toBeGreaterThan(0);
    for (const token of inMail) await expect(resolveToken(db(), token, ['respond', 'manage'], NOW)).resolves.toMatchObject({ bookingId: booking.id });
    expect(await usableTokensIn(booking.id)).toEqual([]);
  });
});
