/**
 * The benchmark's data, written straight into a scratch PostgreSQL database with set-based SQL:
 * the demo reference data (settings, holidays, accounts, the eight demo resources), resources up
 * to `resources`, `pastPerResource` past bookings per resource (completed, cancelled, rejected,
 * no-show: none of them holds a slot) and four future weeks at about 40 % (four of five
 * one-hour slots a working day, 09:00–18:00, at random).
 *
 * The past rows are many and hold nothing, so they are written with triggers off
 * (session_replication_role = replica: no per-row trigger, no per-row foreign-key check) and with
 * `hold_start/hold_end` computed the way booking_set_hold_range() does; every key they name
 * exists by construction. The future rows take and therefore check slots: they go in through
 * the triggers, so slot_holds and its exclusion constraint see them as they would any booking.
 */
import postgres from 'postgres';
import { eq, sql as dsql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '@/db';
import { resources, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/authz';
import { dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { seedDemoData } from '@/lib/demo/seed';
import { getSettings } from '@/lib/settings';
import type { Fixture } from './context';

export interface FixtureSpec {
  /** Scratch database name (dropped and created again). */
  name: string;
  resources: number;
  pastPerResource: number;
}

const DAY = 86_400_000;
const WEEKS_AHEAD = 4;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function buildFixture(adminUrl: string, spec: FixtureSpec, log: (m: string) => void): Promise<Fixture> {
  const started = Date.now();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${spec.name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${spec.name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, spec.name);
  const handle = await openDatabase({ driver: 'postgres', url });
  await migrateDatabase(handle);
  const db = handle.db;
  await seedDemoData(db);
  // The demo's own bookings sit where the fixture's weeks go: start from none.
  await db.execute(dsql`TRUNCATE bookings CASCADE`);

  const bare = postgres(url, { max: 4, onnotice: () => {} });
  const settings = await getSettings(db);
  const timeZone = settings.timeZone;
  await bare`
    INSERT INTO resources (code, name_zh, name_en, type_id, location, capacity, customer_bookable,
                           setup_buffer_minutes, cleanup_buffer_minutes)
    SELECT 'BX-' || lpad(n::text, 3, '0'), '基准资源 ' || n, 'Bench resource ' || n,
           (SELECT id FROM resource_types ORDER BY sort_order OFFSET (n % 4) LIMIT 1),
           '基准楼 ' || (n / 20 + 1) || ' 层', 4 + n % 20, n % 3 = 0, 15 * (n % 2), 15 * (n % 3 % 2)
      FROM generate_series(1, ${spec.resources} - (SELECT count(*)::int FROM resources)) AS n`;
  const staff = await db.select().from(users).where(eq(users.role, 'staff'));
  const staffIds = staff.map((u) => u.id);

  // Past: per resource, seven one-hour bookings a day (09:00–16:00) going back from yesterday.
  const today = dayInZone(new Date(), timeZone);
  // Secondary indexes are built once afterwards: far faster than a million single insertions.
  const secondary = await bare<{ name: string; def: string }[]>`
    SELECT indexname AS name, indexdef AS def FROM pg_indexes i
     WHERE tablename = 'bookings'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)`;
  await bare.begin(async (tx) => {
    await tx`SET LOCAL session_replication_role = replica`;
    await tx`SET LOCAL maintenance_work_mem = '256MB'`;
    for (const index of secondary) await tx.unsafe(`DROP INDEX ${index.name}`);
    await tx`
      INSERT INTO bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                            contact_email, channel, purpose, attendees, start_at, end_at, hold_start, hold_end,
                            status, submitted_at, approved_at, confirmed_at, updated_at)
      SELECT 'P' || r.n || '-' || i, r.id,
             CASE WHEN i % 4 = 0 THEN 'customer' ELSE 'staff' END::requester_kind,
             CASE WHEN i % 4 = 0 THEN NULL ELSE (${staffIds}::uuid[])[1 + i % ${staffIds.length}] END,
             '基准 ' || i, '138 0000 0000',
             CASE WHEN i % 4 = 0 THEN 'c' || (i % 5000) || '@customer.example.com' END,
             CASE WHEN i % 4 = 0 THEN 'public' ELSE 'portal' END::booking_channel,
             '基准会议 ' || i, 1 + i % 8, s.start_at, s.start_at + interval '1 hour',
             s.start_at - make_interval(mins => r.setup_buffer_minutes),
             s.start_at + interval '1 hour' + make_interval(mins => r.cleanup_buffer_minutes),
             (CASE i % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'rejected' WHEN 3 THEN 'no_show'
                          ELSE 'completed' END)::booking_status,
             s.start_at - interval '5 days',
             -- Granted (all but the rejected): approved 1-30 h after submission, confirmed 0-11 h later.
             CASE WHEN i % 20 <> 2 THEN s.start_at - interval '5 days' + make_interval(hours => 1 + i % 30) END,
             CASE WHEN i % 20 <> 2 THEN s.start_at - interval '5 days' + make_interval(hours => 1 + i % 30 + i % 12) END,
             s.start_at
        FROM (SELECT id, setup_buffer_minutes, cleanup_buffer_minutes, row_number() OVER (ORDER BY code) AS n
                FROM resources) r
       CROSS JOIN generate_series(0, ${spec.pastPerResource} - 1) AS i
       CROSS JOIN LATERAL (
         SELECT ((${today}::date - 1 - i / 7) + make_time(9 + i % 7, 0, 0)) AT TIME ZONE ${timeZone} AS start_at
       ) s`;
    for (const index of secondary) await tx.unsafe(index.def);
    // A rejection keeps its moment only in its event (reports read it): one each, 3 h after submission.
    await tx`
      INSERT INTO booking_events (booking_id, from_status, to_status, action, actor_kind, created_at)
      SELECT id, 'pending', 'rejected', 'reject', 'user', submitted_at + interval '3 hours'
        FROM bookings WHERE status = 'rejected'`;
  });

  // Future: from next Monday, four weeks, working days, four of the five one-hour slots
  // 09, 11, 13, 15, 17 (an hour apart, so no buffer of up to 30 minutes touches the next).
  const weekStartDay = nextMonday(today);
  const weekStart = zonedInstant(weekStartDay, '00:00', timeZone);
  await bare`
    INSERT INTO bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                          contact_email, channel, purpose, attendees, start_at, end_at, status, submitted_at,
                          approved_at, confirm_deadline, confirmed_at)
    SELECT 'F' || r.n || '-' || d || '-' || h, r.id, k.kind::requester_kind,
           CASE WHEN k.kind = 'staff' THEN (${staffIds}::uuid[])[1 + (r.n + d + h) % ${staffIds.length}] END,
           '基准 ' || r.n, '138 0000 0000',
           CASE WHEN k.kind = 'customer' THEN 'f' || r.n || '-' || d || '@customer.example.com' END,
           CASE WHEN k.kind = 'customer' THEN 'public' ELSE 'portal' END::booking_channel,
           '未来会议 ' || h, 1 + h % 4, s.start_at, s.start_at + interval '1 hour', st.status::booking_status,
           now() - interval '2 days',
           CASE WHEN st.status <> 'pending' THEN now() - interval '1 day' END,
           CASE WHEN st.status = 'awaiting_confirmation' THEN now() + interval '2 days' END,
           CASE WHEN st.status = 'confirmed' THEN now() - interval '12 hours' END
      FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM resources) r
     CROSS JOIN generate_series(0, ${WEEKS_AHEAD * 7 - 1}) AS d
     CROSS JOIN unnest(ARRAY[9, 11, 13, 15, 17]) AS h
     CROSS JOIN LATERAL (SELECT ((${weekStartDay}::date + d) + make_time(h, 0, 0)) AT TIME ZONE ${timeZone} AS start_at) s
     CROSS JOIN LATERAL (SELECT CASE WHEN (r.n * 7 + d * 3 + h) % 4 = 0 THEN 'customer' ELSE 'staff' END AS kind) k
     CROSS JOIN LATERAL (SELECT CASE (r.n + d * 5 + h) % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'pending'
                                  WHEN 2 THEN 'awaiting_confirmation' WHEN 3 THEN 'awaiting_confirmation'
                                  ELSE 'confirmed' END AS status) st
     WHERE d % 7 < 5
       AND hashint4(((r.n * 1000 + d) * 100 + h)::int) % 5 <> 0`;
  // Statistics for the planner; hint bits and the visibility map set now rather than by the
  // first reads (which would write every page they touch); and the bulk load written out, so
  // that the checkpointer is not writing it in the background while the first module measures.
  await bare`VACUUM (ANALYZE)`;
  await bare`CHECKPOINT`;

  const [{ past }] = await bare<{ past: number }[]>`SELECT count(*)::int AS past FROM bookings WHERE start_at < now()`;
  const rows = await db.select().from(resources).orderBy(resources.code);
  const byEmail = async (email: string): Promise<UserActor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return userActor(u);
  };
  const fixture: Fixture = {
    url,
    db,
    sql: bare,
    resources: rows
      .filter((r) => r.state === 'in_service')
      .sort((a, b) => Number(a.code.startsWith('BX-')) - Number(b.code.startsWith('BX-')))
      .map((r) => ({ id: r.id, code: r.code, typeId: r.typeId, customerBookable: r.customerBookable })),
    actors: {
      staff: staff.map(userActor),
      admin: await byEmail('admin@example.com'),
      service: await byEmail('service@example.com'),
    },
    pastBookings: past,
    weekStart,
    freeFrom: new Date(weekStart.getTime() + WEEKS_AHEAD * 7 * DAY),
    freeTo: new Date(Date.now() + settings.bookingHorizonDays * DAY - DAY),
    timeZone,
  };
  close.set(fixture, handle.close);
  log(`fixture ${spec.name}: ${spec.resources} resources, ${past.toLocaleString('en')} past bookings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return fixture;
}

const close = new WeakMap<Fixture, () => Promise<void>>();

export async function dropFixture(adminUrl: string, fixture: Fixture, name: string): Promise<void> {
  await fixture.sql.end({ timeout: 5 });
  await close.get(fixture)?.();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

function nextMonday(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const ahead = ((8 - date.getUTCDay()) % 7) || 7;
  return new Date(date.getTime() + ahead * DAY).toISOString().slice(0, 10);
}
