/**
 * The scheduled jobs at scale: each job over N due bookings (and N/4, to show it grows linearly),
 * against the floor "the same writes, set-based, hand-written" for the expiry. Goals: 10,000
 * overdue confirmations expired in ≤ 5 s, and every job linear in N.
 *
 *   npx tsx bench/jobs.ts [N]
 */
import type postgres from 'postgres';
import type { Db } from '@/db';
import { expireUnconfirmed, sendConfirmationReminders } from '@/lib/booking/jobs';
import { completeEnded } from '@/lib/booking/complete-ended';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { sendVisitReminders } from '@/lib/customer/jobs';
import { runIfMain, time, withScratchDatabase, type BenchRow, type WriteBench } from './write-kit';

type Shape = 'overdue' | 'reminder' | 'visit' | 'no_show' | 'ended';

/**
 * N bookings due for one job, written set-based. Holding ones lie four hours apart per resource,
 * years ahead, so they never overlap; the others hold no slot (the jobs do not ask).
 */
export async function insertDue(sql: postgres.Sql, staffId: string, tag: string, n: number, shape: Shape, now: Date): Promise<void> {
  // Each set of holding rows gets its own stretch of years.
  const years = ['small', 'app', 'floor'].indexOf(tag.split('-').pop()!) * 3;
  const iso = now.toISOString();
  const holds = shape === 'overdue' || shape === 'reminder';
  const checkIn = shape === 'no_show' ? true : shape === 'ended' ? false : null;
  await sql`
    with r as (
      select id, row_number() over (order by code) - 1 as k, count(*) over () as total
        from resources where state = 'in_service' and (${checkIn}::boolean is null or requires_check_in = ${checkIn}::boolean)
    ), g as (select i from generate_series(0, ${n - 1}::int) i)
    insert into bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                          contact_email, channel, status, holds_slot, approved_at, confirm_deadline, confirmed_at,
                          start_at, end_at)
    select 'BENCH-' || ${tag} || '-' || g.i, r.id,
           (case when g.i % 2 = 0 then 'staff' else 'customer' end)::requester_kind,
           case when g.i % 2 = 0 then ${staffId}::uuid end,
           '基准', '13800138000', 'bench-' || g.i || '@customer.example.com',
           (case when g.i % 2 = 0 then 'portal' else 'public' end)::booking_channel,
           (case when ${shape} in ('overdue', 'reminder') then 'awaiting_confirmation' else 'confirmed' end)::booking_status,
           ${holds},
           ${iso}::timestamptz - interval '2 days',
           case ${shape} when 'overdue' then ${iso}::timestamptz - interval '1 hour'
                         when 'reminder' then ${iso}::timestamptz + interval '3 hours' end,
           ${iso}::timestamptz - interval '3 days',
           s.start_at, s.start_at + interval '1 hour'
      from g
      join r on r.k = g.i % r.total
      cross join lateral (select case ${shape}
        when 'visit' then ${iso}::timestamptz + interval '2 hours' + (g.i % 600) * interval '1 minute'
        when 'no_show' then ${iso}::timestamptz - interval '2 hours' - (g.i % 600) * interval '1 minute'
        when 'ended' then ${iso}::timestamptz - interval '3 hours' - (g.i % 600) * interval '1 minute'
        else timestamptz '2032-01-05 02:00+00' + ${years} * interval '1 year' + (g.i / r.total) * interval '4 hours'
      end as start_at) s`;
  await sql`analyze bookings`;
}

/**
 * The floors: each job's writes (the bookings changed, one audit event and one outbox row each),
 * hand-written in one statement, without building any mail.
 */
async function floorExpire(sql: postgres.Sql, now: Date): Promise<void> {
  await sql`
    with claimed as (
      update bookings set status = 'expired', status_reason = 'expired', version = version + 1, updated_at = ${now}
       where status = 'awaiting_confirmation' and confirm_deadline <= ${now}
      returning id, version, contact_email, locale
    ), events as (
      insert into booking_events (booking_id, from_status, to_status, action, actor_kind)
      select id, 'awaiting_confirmation', 'expired', 'expire', 'system' from claimed
    )
    insert into email_outbox (template, to_address, locale, dedupe_key, booking_id, payload)
    select 'expired', contact_email, locale, id || ':expired:' || version, id, '{}'::jsonb from claimed`;
}

async function floorRemind(sql: postgres.Sql, now: Date): Promise<void> {
  await sql`
    with claimed as (
      update bookings set confirmation_reminder_sent_at = ${now}
       where status = 'awaiting_confirmation' and confirmation_reminder_sent_at is null
         and confirm_deadline > ${now} and confirm_deadline <= ${now}::timestamptz + interval '6 hours'
      returning id, confirm_deadline, contact_email, locale
    ), events as (
      insert into booking_events (booking_id, from_status, to_status, action, actor_kind)
      select id, 'awaiting_confirmation', 'awaiting_confirmation', 'confirmation_reminder', 'system' from claimed
    )
    insert into email_outbox (template, to_address, locale, dedupe_key, booking_id, payload)
    select 'confirmation-reminder', contact_email, locale, id || ':confirmation_reminder:' || confirm_deadline, id, '{}'::jsonb from claimed`;
}

async function floorNoShow(sql: postgres.Sql, now: Date): Promise<void> {
  await sql`
    with claimed as (
      update bookings set status = 'no_show', status_reason = 'no_show', version = version + 1, updated_at = ${now},
                          hold_end = least(hold_end, ${now})
       where status = 'confirmed' and start_at < ${now}::timestamptz - interval '15 minutes'
         and resource_id in (select id from resources where requires_check_in)
      returning id, version, contact_email, locale
    ), events as (
      insert into booking_events (booking_id, from_status, to_status, action, actor_kind)
      select id, 'confirmed', 'no_show', 'mark_no_show', 'system' from claimed
    )
    insert into email_outbox (template, to_address, locale, dedupe_key, booking_id, payload)
    select 'no-show-released', contact_email, locale, id || ':no_show:' || version, id, '{}'::jsonb from claimed`;
}

interface JobCase {
  path: string;
  shape: Shape;
  run: (db: Db, now: Date) => Promise<Record<string, number>>;
  /** How many of N rows the job should act on (all unless said). */
  due?: (n: number) => number;
  /** The same writes hand-written set-based, on N rows of their own. */
  floor?: (sql: postgres.Sql, now: Date) => Promise<void>;
}

const CASES: JobCase[] = [
  { path: 'expire overdue confirmations', shape: 'overdue', run: expireUnconfirmed, floor: floorExpire },
  { path: 'confirmation reminders', shape: 'reminder', run: sendConfirmationReminders, floor: floorRemind },
  // Visit reminders are for customers only: the odd-numbered half of the rows.
  { path: 'visit reminders', shape: 'visit', run: sendVisitReminders, due: (n) => Math.ceil(n / 2) },
  { path: 'no-show release', shape: 'no_show', run: releaseNoShows, floor: floorNoShow },
  { path: 'completion of ended bookings', shape: 'ended', run: completeEnded },
];

export async function benchJobs(bench: WriteBench, n = 10_000): Promise<BenchRow[]> {
  const { db, sql, staff } = bench;
  const rows: BenchRow[] = [];
  for (const job of CASES) {
    const now = new Date();
    const small = Math.max(1, Math.floor(n / 4));
    await insertDue(sql, staff.id, `${job.shape}-small`, small, job.shape, now);
    const smallMs = await time(() => job.run(db, now));
    await insertDue(sql, staff.id, `${job.shape}-app`, n, job.shape, now);
    let counts: Record<string, number> = {};
    const ms = await time(async () => {
      counts = await job.run(db, now);
    });
    const done = Object.values(counts)[0] ?? 0;
    let floor: number | null = null;
    if (job.floor) {
      await insertDue(sql, staff.id, `${job.shape}-floor`, n, job.shape, now);
      floor = await time(() => job.floor!(sql, now));
    }
    const growth = ms / n / (smallMs / small);
    rows.push({
      path: `${job.path}, N = ${n.toLocaleString('en')}`,
      app: { value: ms, text: `${(ms / 1000).toFixed(2)} s (${done} done)` },
      floor: floor === null ? null : { value: floor, text: `${(floor / 1000).toFixed(2)} s set-based SQL` },
      ratio: floor === null ? null : ms / floor,
      goal: '≤ 5 s, linear',
      met: ms <= 5000 && done === (job.due?.(n) ?? n) && growth <= 1.5,
      samples: 1,
      note: `N/4 took ${(smallMs / 1000).toFixed(2)} s; per booking at N vs N/4: ${growth.toFixed(2)}×`,
    });
  }
  return rows;
}

runIfMain(import.meta.url, () => withScratchDatabase('jobs', (bench) => benchJobs(bench, Number(process.argv[2] ?? 10_000))));
