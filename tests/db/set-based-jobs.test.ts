/**
 * The scheduled jobs work in sets: a run over N due bookings changes each exactly once, writes
 * each one's audit event and e-mail (with the link tokens the mail carries, and only those), in
 * a number of statements that does not grow with N; two runs at once split the work and double
 * nothing.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { actionTokens, bookingEvents, bookings, changeRequests, emailOutbox, slotHolds } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { expireUnconfirmed, sendConfirmationReminders } from '@/lib/booking/jobs';
import { sendVisitReminders } from '@/lib/customer/jobs';
import { testDriver, useTestDb } from '../helpers/db';
import { openSideClients, type SideClients } from '../helpers/side-clients';
import { NOW, loadActors, resourceByCode, type Who } from '../helpers/booking-fixtures';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
let actors: Record<Who, UserActor>;
let resourceId: string;
let second: Db;

let counted: Db;
let side: SideClients;

beforeAll(async () => {
  actors = await loadActors(db());
  resourceId = (await resourceByCode(db(), 'MR-302')).id;
  side = openSideClients(db(), handle().url);
  ({ second, counted } = side);
  // Whatever the demo data has due is done first: each test counts only its own bookings.
  await expireUnconfirmed(db(), NOW);
  await sendConfirmationReminders(db(), NOW);
  await sendVisitReminders(db(), NOW);
});

afterAll(async () => {
  await side.close();
});

let batch = 0;

type Shape = 'overdue' | 'reminder' | 'visit';

/**
 * `n` bookings due for one job, every other one a customer's, an hour each, two hours apart
 * from 2031 on (a stretch of its own per batch). Written set-based, like the benchmark.
 */
async function due(n: number, shape: Shape): Promise<string[]> {
  const base = new Date(Date.UTC(2031, 0, 1) + batch++ * 2 * n * HOUR);
  const now = NOW.toISOString();
  const rows = await db().execute<{ id: string }>(sql`
    insert into bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                          contact_email, channel, status, approved_at, confirm_deadline, confirmed_at, holds_slot,
                          start_at, end_at)
    select 'SET-' || ${batch} || '-' || i, ${resourceId}::uuid,
           (case when i % 2 = 0 then 'staff' else 'customer' end)::requester_kind,
           case when i % 2 = 0 then ${actors.staff.id}::uuid end,
           '测试', '021-5888 0000', 'guest' || i || '@customer.example.com',
           (case when i % 2 = 0 then 'portal' else 'public' end)::booking_channel,
           (case when ${shape} = 'visit' then 'confirmed' else 'awaiting_confirmation' end)::booking_status,
           ${now}::timestamptz - interval '21 hours',
           ${now}::timestamptz + (case when ${shape} = 'overdue' then interval '-1 hour' else interval '3 hours' end),
           ${now}::timestamptz - interval '3 days',
           ${shape} <> 'visit',
           case when ${shape} = 'visit' then ${now}::timestamptz + interval '2 hours' + i * interval '1 minute'
                else ${base.toISOString()}::timestamptz + i * interval '2 hours' end,
           case when ${shape} = 'visit' then ${now}::timestamptz + interval '3 hours' + i * interval '1 minute'
                else ${base.toISOString()}::timestamptz + i * interval '2 hours' + interval '1 hour' end
      from generate_series(0, ${n - 1}::int) i
    returning id`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}

/** Per booking: how many events of `action`, mails of `template`, and tokens those mails carry. */
async function perBooking(ids: string[], action: string, template: string) {
  const tally = async (rows: Promise<{ id: string | null; n: number }[]>) =>
    Object.fromEntries((await rows).map((r) => [r.id, r.n]));
  return {
    events: await tally(
      db()
        .select({ id: bookingEvents.bookingId, n: count() })
        .from(bookingEvents)
        .where(and(inArray(bookingEvents.bookingId, ids), eq(bookingEvents.action, action)))
        .groupBy(bookingEvents.bookingId),
    ),
    mails: await tally(
      db()
        .select({ id: emailOutbox.bookingId, n: count() })
        .from(emailOutbox)
        .where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.template, template)))
        .groupBy(emailOutbox.bookingId),
    ),
  };
}

const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

/** Every token row belongs to a queued mail that names it, and every placeholder has its row. */
async function tokensMatchMails(ids: string[]): Promise<void> {
  const tokens = await db().select({ id: actionTokens.id }).from(actionTokens).where(inArray(actionTokens.bookingId, ids));
  const mails = await db().select({ payload: emailOutbox.payload }).from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
  const named = mails.flatMap((m) => [...JSON.stringify(m.payload).matchAll(/\{link-token:([0-9a-f-]{36})\}/g)].map((x) => x[1]));
  expect(new Set(tokens.map((t) => t.id))).toEqual(new Set(named));
}

describe(`set-based scheduled jobs (${testDriver})`, () => {
  it('expires N overdue bookings once each, with audit, mail and freed slots, in a constant number of statements', async () => {
    const small = await due(20, 'overdue');
    side.statements.n = 0;
    expect(await expireUnconfirmed(counted, NOW)).toEqual({ expired: 20 });
    const forSmall = side.statements.n;

    const ids = await due(240, 'overdue');
    // A pending change request of one of them: it ends with its booking.
    await db()
      .insert(changeRequests)
      .values({ bookingId: ids[0], newResourceId: resourceId, newStartAt: new Date(Date.UTC(2040, 0, 1)), newEndAt: new Date(Date.UTC(2040, 0, 1, 1)), reason: '改期' });
    side.statements.n = 0;
    expect(await expireUnconfirmed(counted, NOW)).toEqual({ expired: 240 });
    // Twelve times the bookings, the same statements (one per thousand rows, at most).
    expect(side.statements.n).toBe(forSmall);
    expect(forSmall).toBeLessThanOrEqual(10);

    const rows = await db().select({ status: bookings.status, reason: bookings.statusReason }).from(bookings).where(inArray(bookings.id, ids));
    expect(rows.every((r) => r.status === 'expired' && r.reason === 'expired')).toBe(true);
    expect(await perBooking([...small, ...ids], 'expire', 'expired')).toEqual({ events: once([...small, ...ids]), mails: once([...small, ...ids]) });
    await tokensMatchMails(ids);
    const [{ held }] = await db().select({ held: count() }).from(slotHolds).where(inArray(slotHolds.bookingId, ids));
    expect(held).toBe(0);
    const [change] = await db().select().from(changeRequests).where(eq(changeRequests.bookingId, ids[0]));
    expect(change.status).toBe('withdrawn');

    expect(await expireUnconfirmed(db(), NOW)).toEqual({ expired: 0 });
    expect(await perBooking(ids, 'expire', 'expired')).toEqual({ events: once(ids), mails: once(ids) });
  });

  it('two expiry runs at once expire every booking exactly once', async () => {
    const ids = await due(200, 'overdue');
    const [a, b] = await Promise.all([expireUnconfirmed(db(), NOW), expireUnconfirmed(second, NOW)]);
    expect(a.expired + b.expired).toBe(200);
    expect(await perBooking(ids, 'expire', 'expired')).toEqual({ events: once(ids), mails: once(ids) });
    await tokensMatchMails(ids);
  });

  it('two confirmation-reminder runs at once remind every booking exactly once, with one respond link each', async () => {
    const ids = await due(200, 'reminder');
    const [a, b] = await Promise.all([sendConfirmationReminders(db(), NOW), sendConfirmationReminders(second, NOW)]);
    expect(a.sent + b.sent).toBe(200);
    expect(await perBooking(ids, 'confirmation_reminder', 'confirmation-reminder')).toEqual({ events: once(ids), mails: once(ids) });
    const [{ respond }] = await db()
      .select({ respond: count() })
      .from(actionTokens)
      .where(and(inArray(actionTokens.bookingId, ids), eq(actionTokens.purpose, 'respond')));
    expect(respond).toBe(200);
    await tokensMatchMails(ids);
    expect(await sendConfirmationReminders(db(), NOW)).toEqual({ sent: 0 });
  });

  it('two visit-reminder runs at once remind every customer exactly once', async () => {
    const ids = (await due(200, 'visit')).filter((_, i) => i % 2 === 1);
    const [a, b] = await Promise.all([sendVisitReminders(db(), NOW), sendVisitReminders(second, NOW)]);
    expect(a.sent + b.sent).toBe(100);
    expect(await perBooking(ids, 'visit_reminder', 'visit-reminder')).toEqual({ events: once(ids), mails: once(ids) });
    await tokensMatchMails(ids);
    expect(await sendVisitReminders(db(), NOW)).toEqual({ sent: 0 });
  });
});
