/**
 * Two production instances of the built app on one PostgreSQL database, as the app is meant to
 * scale out (README "Running several instances"): the same AUTH_SECRET, APP_URL, CRON_SECRET and
 * DATABASE_URL, each started as `npm start` does (socket-address preload), both running their
 * in-process schedulers, requests alternating between their ports, and one real SMTP server
 * that captures every mail. PostgreSQL holds every invariant, so across the two:
 * - the schedulers' first ticks, at the same moment, expire each overdue booking once;
 * - 50 simultaneous requests for one slot give exactly one booking;
 * - confirm on one instance against decline on the other gives exactly one outcome;
 * - the cron endpoints hit on both at once do every piece of work once;
 * - an SMTP outage and its recovery deliver every mail exactly once;
 * - the per-address limit is shared and a made-up X-Forwarded-For buys nothing (TRUST_PROXY unset).
 * At the end, every piece of work the runners report adds up to what happened: nothing twice.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db';
import { bookings, emailOutbox } from '@/db/schema';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { seedDemoData } from '@/lib/demo/seed';
import { freePort, startBuiltApp, type RunningApp } from '../helpers/app-server';
import { loadActors, resourceByCode, seedBooking } from '../helpers/booking-fixtures';
import { adminUrl, databaseUrl } from '../helpers/db-names';
import { ApiClient } from './api-client';

const dbName = `booking_two_${randomBytes(5).toString('hex')}`;
const cronSecret = randomBytes(16).toString('hex');
let handle: DbHandle;
const db = (): Db => handle.db;

const instances: RunningApp[] = [];
/** Round robin over the two instances. */
let turn = 0;
const next = () => instances[turn++ % 2];

// One SMTP server for both instances, with a switch for the outage.
interface Captured {
  messageId: string;
  to: string[];
}
const captured: Captured[] = [];
let outage = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (!outage) return callback();
    const error = new Error('Mail system temporarily unavailable') as Error & { responseCode: number };
    error.responseCode = 451;
    callback(error);
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = [mail.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address ?? '');
        captured.push({ messageId: normalizeMessageId(mail.messageId ?? ''), to });
        callback();
      })
      .catch(callback);
  },
});
const normalizeMessageId = (id: string) => id.trim().replace(/^<|>$/g, '');

/** What every runner (scheduler tick or cron call) reported doing, summed. */
const reported = { expired: 0, sent: 0 };

/** Sums a scheduler count (`[scheduler] job { key: n, … }`) over an instance's log. */
function schedulerCount(log: string, job: string, key: string): number {
  const pattern = new RegExp(`\\[scheduler\\] ${job} \\{([^}]*)\\}`, 'g');
  let total = 0;
  for (const match of log.matchAll(pattern)) total += Number(new RegExp(`${key}: (\\d+)`).exec(match[1])?.[1] ?? 0);
  return total;
}

async function cron(instance: RunningApp, job: string): Promise<Record<string, number>> {
  const response = await fetch(`${instance.url}/api/cron/${job}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  expect(response.status).toBe(200);
  const counts = (await response.json()) as Record<string, number>;
  reported.expired += counts.expired ?? 0;
  reported.sent += counts.sent ?? 0;
  return counts;
}

/** Both instances run `job` twice each, all four at the same moment. */
const cronOnBoth = (job: string) => Promise.all([0, 1, 2, 3].map((i) => cron(instances[i % 2], job)));

const pendingMail = async () =>
  (await db().select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'pending')))[0].n;

/** Delivers on both instances at once until the outbox is empty. */
async function drainOutbox(): Promise<void> {
  for (let round = 0; (await pendingMail()) > 0; round++) {
    if (round > 20) throw new Error('the outbox did not drain');
    await cronOnBoth('deliver-outbox');
  }
}

// Staff and admin, signed in once; the session cookie is good on either instance.
const TIME_ZONE = 'Asia/Shanghai';
const calendar: HolidayCalendar = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
let slotCounter = 0;
function nextSlot() {
  const n = slotCounter++;
  const day = addWorkingDays(dayInZone(new Date(), TIME_ZONE), 20 + Math.floor(n / 8), calendar);
  const hour = String(9 + (n % 8)).padStart(2, '0');
  return {
    startAt: zonedInstant(day, `${hour}:00`, TIME_ZONE).toISOString(),
    endAt: zonedInstant(day, `${hour}:59`, TIME_ZONE).toISOString(),
  };
}
let staff: ApiClient;
let admin: ApiClient;
let mr302: string;
let expiredBefore = 0;
/** Overdue bookings put in before the instances start, for the schedulers' first ticks. */
let overdueIds: string[] = [];

beforeAll(async () => {
  const server = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await server.unsafe(`CREATE DATABASE ${dbName}`).finally(() => server.end());
  handle = await openDatabase({ driver: 'postgres', url: databaseUrl(dbName) });
  await migrateDatabase(handle);
  await seedDemoData(db());

  const actors = await loadActors(db());
  const room = await resourceByCode(db(), 'MR-501');
  const overdue = await Promise.all(
    [9, 10, 11, 13, 14, 15].map((hour) =>
      seedBooking(db(), {
        resourceId: room.id,
        startAt: zonedInstant('2030-03-12', `${hour}:00`, TIME_ZONE),
        endAt: zonedInstant('2030-03-12', `${hour}:45`, TIME_ZONE),
        status: 'awaiting_confirmation',
        requester: actors.staff,
        approvedAt: new Date(Date.now() - 2 * 86_400_000),
        confirmDeadline: new Date(Date.now() - 60_000),
      }),
    ),
  );
  overdueIds = overdue.map((b) => b.id);
  expiredBefore = (await db().select({ n: count() }).from(bookings).where(eq(bookings.status, 'expired')))[0].n;

  const smtpPort = await new Promise<number>((resolve) => {
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port));
  });
  const ports = [await freePort(), await freePort()];
  // One app behind one address: every instance has the same settings, APP_URL included.
  const appUrl = `http://127.0.0.1:${ports[0]}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl(dbName),
    AUTH_SECRET: randomBytes(32).toString('base64'),
    APP_URL: appUrl,
    CRON_SECRET: cronSecret,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DEMO_MODE: '1',
    // Both run their schedulers; clients connect directly.
    DISABLE_SCHEDULER: '',
    TRUST_PROXY: '',
  };
  instances.push(...(await Promise.all(ports.map((port) => startBuiltApp(port, env)))));

  staff = new ApiClient(() => instances[0].url, () => appUrl);
  admin = new ApiClient(() => instances[1].url, () => appUrl);
  await staff.signIn('staff@example.com');
  await admin.signIn('admin@example.com');
  mr302 = (await staff.call('GET', '/api/v1/resources')).json.resources.find((r: { code: string }) => r.code === 'MR-302').id;
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await new Promise((resolve) => smtp.close(() => resolve(null)));
  await handle?.close();
  const server = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await server.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => server.end());
});

/** A staff request, approved by admin on the other instance: awaiting the applicant's answer. */
async function approvedBooking(): Promise<string> {
  const created = await staff.via(() => next().url).call('POST', '/api/v1/bookings', {
    resourceId: mr302,
    ...nextSlot(),
    purpose: 'Two-instance test',
    attendees: 2,
  });
  expect(created.status, created.text).toBe(201);
  const approved = await admin.via(() => next().url).call('POST', `/api/v1/bookings/${created.json.id}/approve`, { opinion: '同意' });
  expect(approved.status, approved.text).toBe(200);
  return created.json.id;
}

describe('two instances on one database', () => {
  it("both schedulers' first ticks expire each overdue booking once and send each notice once", async () => {
    const deadline = Date.now() + 30_000;
    const expiredMails = () =>
      db()
        .select({ messageId: emailOutbox.messageId, status: emailOutbox.status })
        .from(emailOutbox)
        .where(and(inArray(emailOutbox.bookingId, overdueIds), eq(emailOutbox.template, 'expired')));
    for (;;) {
      const rows = await expiredMails();
      if (rows.length === overdueIds.length && rows.every((r) => r.status === 'sent')) break;
      if (Date.now() > deadline) throw new Error(`the schedulers did not finish: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const statuses = await db().select({ status: bookings.status }).from(bookings).where(inArray(bookings.id, overdueIds));
    expect(statuses.map((s) => s.status)).toEqual(overdueIds.map(() => 'expired'));
    // Both schedulers ran (each logs the ticks where it found work), and together they expired
    // exactly the overdue bookings: none twice.
    const logs = instances.map((i) => i.log());
    const expiredByScheduler = logs.reduce((sum, log) => sum + schedulerCount(log, 'expire-unconfirmed', 'expired'), 0);
    expect(expiredByScheduler).toBe(overdueIds.length);
    for (const row of await expiredMails()) {
      expect(captured.filter((m) => m.messageId === normalizeMessageId(row.messageId!))).toHaveLength(1);
    }
  });

  it('50 simultaneous requests for one slot, alternating instances: exactly one booking', async () => {
    const slot = nextSlot();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        staff.via(() => instances[i % 2].url).call('POST', '/api/v1/bookings', { resourceId: mr302, ...slot, purpose: `Race ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const held = await db()
      .select({ n: count() })
      .from(bookings)
      .where(and(eq(bookings.resourceId, mr302), eq(bookings.startAt, new Date(slot.startAt))));
    expect(held[0].n).toBe(1);
  });

  it('confirm on one instance against decline on the other: exactly one outcome', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await approvedBooking();
      const [confirm, decline] = await Promise.all([
        staff.via(() => instances[round % 2].url).call('POST', `/api/v1/bookings/${id}/confirm`, {}),
        staff.via(() => instances[(round + 1) % 2].url).call('POST', `/api/v1/bookings/${id}/decline`, {}),
      ]);
      expect([confirm.status, decline.status].sort()).toEqual([200, 409]);
      const [row] = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id));
      expect(row.status).toBe(confirm.status === 200 ? 'confirmed' : 'cancelled');
    }
  });

  it('the cron endpoints hit on both at once: each overdue booking expired once, each mail sent once', async () => {
    const ids = [await approvedBooking(), await approvedBooking(), await approvedBooking(), await approvedBooking()];
    // The applicant let the confirmation window pass (the test moves the deadline, not the clock).
    await db().update(bookings).set({ confirmDeadline: sql`now() - interval '1 minute'` }).where(inArray(bookings.id, ids));
    await cronOnBoth('expire-unconfirmed');
    const rows = await db().select({ status: bookings.status }).from(bookings).where(inArray(bookings.id, ids));
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'expired'));
    const notices = await db()
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.template, 'expired')));
    expect(notices[0].n).toBe(ids.length);
    await drainOutbox();
  });

  it('an SMTP outage, then recovery: every mail delivered exactly once', async () => {
    outage = true;
    const ids = [await approvedBooking(), await approvedBooking()];
    const queued = await db()
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.status, 'pending')));
    expect(queued.length).toBeGreaterThanOrEqual(ids.length);
    // Due now, whatever a scheduler tick already tried and put off.
    await db().update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.status, 'pending'));
    const during = await cronOnBoth('deliver-outbox');
    expect(during.reduce((sum, c) => sum + c.sent, 0)).toBe(0);
    // Each booking's oldest mail was tried (by these runs or a scheduler) and failed; its later
    // ones wait their turn, since a booking's mails go out in the order they were queued.
    const tried = await db()
      .select({ bookingId: emailOutbox.bookingId })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.status, 'pending'), gt(emailOutbox.attempts, 0)));
    expect(new Set(tried.map((row) => row.bookingId))).toEqual(new Set(ids));

    outage = false;
    // The retries are due (the test moves the backoff, not the clock).
    await db().update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.status, 'pending'));
    await drainOutbox();
    const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.id, queued.map((q) => q.id)));
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(captured.filter((m) => m.messageId === normalizeMessageId(row.messageId!))).toHaveLength(1);
    }
  });

  it('the per-address limit is shared by the instances, and a made-up X-Forwarded-For buys nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await fetch(`${next().url}/api/v1/public/booking-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` },
        body: '{}',
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
  });

  it('in all, nothing was done twice: every mail once, every expiry once', async () => {
    await drainOutbox();
    const logs = instances.map((i) => i.log());
    for (const log of logs) {
      reported.expired += schedulerCount(log, 'expire-unconfirmed', 'expired');
      reported.sent += schedulerCount(log, 'deliver-outbox', 'sent');
    }
    const expiredNow = (await db().select({ n: count() }).from(bookings).where(eq(bookings.status, 'expired')))[0].n;
    expect(reported.expired).toBe(expiredNow - expiredBefore);

    const sent = await db().select({ messageId: emailOutbox.messageId }).from(emailOutbox).where(eq(emailOutbox.status, 'sent'));
    const notSent = await db().select({ n: count() }).from(emailOutbox).where(sql`${emailOutbox.status} <> 'sent'`);
    expect(notSent[0].n).toBe(0);
    expect(captured).toHaveLength(sent.length);
    expect(reported.sent).toBe(sent.length);
    expect(new Set(captured.map((m) => m.messageId))).toEqual(new Set(sent.map((s) => normalizeMessageId(s.messageId!))));
    const failures = logs.join('\n').split('\n').filter((line) => /\[scheduler\] \S+ failed:/.test(line));
    expect(failures).toEqual([]);
  });
});
