/**
 * Demo data in Chinese (with English names): departments, accounts, resources, the official
 * 2026 holiday calendar, bookings in several statuses with their histories, a confirmed weekly
 * series, and a maintenance blackout. Idempotent: reference rows have natural keys and are inserted with ON CONFLICT DO
 * NOTHING, and the demo bookings go only into a database that has no bookings yet.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { expandRule } from '@/lib/booking/series/rule';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { replayStory, type DemoActor, type DemoStory } from './bookings';
import { DEPARTMENTS, RESOURCE_TYPES, RESOURCES, VISIT_DEFAULTS } from './catalogue';
import { loadBundledHolidays } from './holidays';

export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  await db.insert(s.policySettings).values({ id: 1 }).onConflictDoNothing();
  await db.insert(s.holidays).values(loadBundledHolidays()).onConflictDoNothing();
  await db.insert(s.departments).values(DEPARTMENTS).onConflictDoNothing();
  await db.insert(s.resourceTypes).values(RESOURCE_TYPES).onConflictDoNothing();

  const departments = new Map((await db.select().from(s.departments)).map((d) => [d.code, d.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(s.users)
    .values(
      DEMO_ACCOUNTS.map((a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        departmentId: departments.get(a.department),
        phone: a.phone,
        isDepartmentContact: a.contact,
        passwordHash,
      })),
    )
    .onConflictDoNothing();

  const types = new Map((await db.select().from(s.resourceTypes)).map((t) => [t.code, t.id]));
  await db
    .insert(s.resources)
    .values(RESOURCES.map(({ type, ...r }) => ({ ...VISIT_DEFAULTS[type], ...r, typeId: types.get(type)! })))
    .onConflictDoNothing();

  const [settings] = await db.select().from(s.policySettings).where(eq(s.policySettings.id, 1));
  const calendar: HolidayCalendar = new Map((await db.select().from(s.holidays)).map((h) => [h.date, h.kind]));
  const place = placement(now, settings.timeZone, calendar);
  const [{ n: existingBookings }] = await db.select({ n: count() }).from(s.bookings);
  if (existingBookings === 0) await seedDemoBookings(db, place, settings.confirmWindowHours);
  await seedDemoBlackout(db, place);
}

/** Demo times relative to the moment of seeding, in the organisation's zone. */
function placement(now: Date, timeZone: string, calendar: HolidayCalendar) {
  const today = dayInZone(now, timeZone);
  return {
    now,
    timeZone,
    calendar,
    /** A working day ahead (the slots), at a wall-clock time. */
    ahead: (workingDays: number, clock: string) => zonedInstant(addWorkingDays(today, workingDays, calendar), clock, timeZone),
    /** A calendar day back (the history), at a wall-clock time. */
    ago: (days: number, clock: string) => zonedInstant(dayInZone(new Date(now.getTime() - days * 86_400_000), timeZone), clock, timeZone),
  };
}

type Placement = ReturnType<typeof placement>;

async function seedDemoBookings(db: Db, place: Placement, confirmWindowHours: number): Promise<void> {
  const singles = await demoStories(db, place);
  const series = await demoSeries(db, place, singles.length);
  await db.insert(s.bookingSeries).values(series.row);
  await db.execute(sql`select setval('booking_series_reference_seq', 1) from booking_series_reference_seq where not is_called`);
  const stories = [...singles, ...series.stories];
  const replayed = stories.map((story) => replayStory(story, confirmWindowHours));
  const inserted = await db
    .insert(s.bookings)
    .values(replayed.map((r) => r.booking))
    .returning({ id: s.bookings.id, reference: s.bookings.reference });
  const idOf = new Map(inserted.map((b) => [b.reference, b.id]));
  await db
    .insert(s.bookingEvents)
    .values(replayed.flatMap((r) => r.events.map((e) => ({ ...e, bookingId: idOf.get(r.booking.reference)! }))));
  // The next real request continues the demo's numbering (BK-…-000008), with no gap.
  await db.execute(sql`select setval('booking_reference_seq', ${stories.length}) from booking_reference_seq where not is_called`);
}

/**
 * Seven requests, numbered in the order they were submitted: a staff request waiting for review,
 * one approved and waiting for the applicant, one confirmed, one confirmed visit already past,
 * one cancelled by its applicant, one rejected, and a customer's showroom visit waiting for
 * review. The browser tests rely on BK-…-000001 and 000007 being the pending ones and on the
 * slots (working days ahead of today).
 */
async function demoStories(db: Db, { now, ahead, ago, timeZone }: Placement): Promise<DemoStory[]> {
  const users = new Map(
    (await db.select().from(s.users).where(inArray(s.users.email, DEMO_ACCOUNTS.map((a) => a.email)))).map((u) => [u.email, u]),
  );
  const resources = new Map((await db.select().from(s.resources)).map((r) => [r.code, r.id]));
  const staff = users.get('staff@example.com')!;
  const staff2 = users.get('staff2@example.com')!;
  const admin: DemoActor = { kind: 'user', id: users.get('admin@example.com')!.id };
  const self = (u: typeof staff): DemoActor => ({ kind: 'user', id: u.id });
  const forStaff = (u: typeof staff) => ({
    requesterKind: 'staff' as const,
    requesterUserId: u.id,
    contactName: u.name,
    contactPhone: u.phone ?? '',
    contactEmail: u.email,
    departmentId: u.departmentId,
    channel: 'portal' as const,
  });
  const reference = (n: number, submittedAt: Date) => `BK-${dayInZone(submittedAt, timeZone).slice(0, 4)}-${String(n).padStart(6, '0')}`;
  const story = (n: number, submittedAt: Date, rest: Omit<DemoStory, 'submittedAt' | 'request'> & { request: Omit<DemoStory['request'], 'reference'> }): DemoStory => ({
    ...rest,
    submittedAt,
    request: { ...rest.request, reference: reference(n, submittedAt) },
  });

  return [
    story(1, ago(6, '09:12'), {
      request: {
        ...forStaff(staff), resourceId: resources.get('MR-301')!, purpose: '华东区经销商季度销售例会', attendees: 10,
        startAt: ahead(2, '09:30'), endAt: ahead(2, '11:30'),
      },
      submittedBy: self(staff),
      steps: [],
    }),
    story(2, ago(6, '10:40'), {
      request: {
        ...forStaff(staff), resourceId: resources.get('MR-302')!, purpose: '新品报价方案内部评审', attendees: 6,
        startAt: ahead(3, '14:00'), endAt: ahead(3, '15:30'),
      },
      submittedBy: self(staff),
      steps: [{ action: 'approve', at: new Date(now.getTime() - 2 * 3_600_000), by: admin, note: '同意，请按时使用。' }],
    }),
    story(3, ago(5, '15:20'), {
      request: {
        ...forStaff(staff2), resourceId: resources.get('EQ-01')!, purpose: '新型石膏板抗折强度检测', attendees: 2,
        startAt: ahead(2, '13:30'), endAt: ahead(2, '16:30'),
      },
      submittedBy: self(staff2),
      steps: [
        { action: 'approve', at: ago(1, '10:00'), by: admin, note: '同意，注意安全操作规程。' },
        { action: 'confirm', at: ago(1, '11:00'), by: self(staff2) },
      ],
    }),
    story(4, ago(5, '16:40'), {
      request: {
        ...forStaff(staff), resourceId: resources.get('MR-501')!, purpose: '客户回访总结', attendees: 4,
        startAt: ago(2, '10:00'), endAt: ago(2, '11:00'),
      },
      submittedBy: self(staff),
      // Check-in and check-out are not in the transition table yet: the visit stays confirmed.
      steps: [
        { action: 'approve', at: ago(4, '09:00'), by: admin, note: '同意。' },
        { action: 'confirm', at: ago(4, '10:00'), by: self(staff) },
      ],
    }),
    story(5, ago(3, '14:00'), {
      request: {
        ...forStaff(staff2), resourceId: resources.get('MR-601')!, purpose: '技术部月度培训', attendees: 25,
        startAt: ahead(4, '09:00'), endAt: ahead(4, '12:00'),
      },
      submittedBy: self(staff2),
      steps: [{ action: 'cancel', at: ago(1, '16:30'), by: self(staff2), note: '培训改期' }],
    }),
    story(6, ago(2, '11:00'), {
      request: {
        ...forStaff(staff2), resourceId: resources.get('SW-B1')!, purpose: '样品拍照', attendees: 2,
        startAt: ahead(3, '09:00'), endAt: ahead(3, '10:00'),
      },
      submittedBy: self(staff2),
      steps: [{ action: 'reject', at: ago(1, '09:30'), by: admin, note: '当天样品库盘点，请改约其他时间。' }],
    }),
    story(7, ago(1, '20:15'), {
      request: {
        requesterKind: 'customer', resourceId: resources.get('SR-101')!, channel: 'public', contactName: '刘女士',
        contactPhone: '13912345678', contactEmail: 'liu@customer.example.com', company: '苏州新居装饰工程有限公司',
        attendees: 5, specialNeeds: '需要讲解员介绍新款岩板', purpose: '参观展厅', startAt: ahead(3, '10:00'), endAt: ahead(3, '11:30'),
      },
      submittedBy: { kind: 'customer' },
      steps: [],
    }),
    // A customer's visit that ended yesterday: the follow-up job sends its survey (policy II.3).
    story(8, ago(4, '16:00'), {
      request: {
        requesterKind: 'customer', resourceId: resources.get('SW-B1')!, channel: 'public', contactName: '陈先生',
        contactPhone: '13800138000', contactEmail: 'chen@customer.example.com', company: '杭州佳居建材有限公司',
        attendees: 2, purpose: '挑选瓷砖样品', startAt: ago(1, '14:00'), endAt: ago(1, '15:00'),
      },
      submittedBy: { kind: 'customer' },
      steps: [
        { action: 'approve', at: ago(3, '09:30'), by: admin, note: '同意，请携带身份证件。' },
        { action: 'confirm', at: ago(3, '10:15'), by: { kind: 'customer' } },
        // The sample warehouse takes no check-in: the visit is completed when it ends.
        { action: 'complete', at: ago(1, '15:01'), by: { kind: 'system' } },
      ],
    }),
  ];
}

/**
 * A weekly series — 张销售's sales meeting in MR-301, four weeks from five working days ahead
 * on that weekday, a day off among them skipped as the rule says (no booking) — submitted
 * after the single requests, approved by admin and confirmed once by the applicant. Its dates
 * continue the BK numbering after `after`, the series is RS-…-000001.
 */
async function demoSeries(db: Db, { now, ahead, ago, timeZone, calendar }: Placement, after: number) {
  const [staff] = await db.select().from(s.users).where(eq(s.users.email, 'staff@example.com'));
  const [admin] = await db.select().from(s.users).where(eq(s.users.email, 'admin@example.com'));
  const [room] = await db.select({ id: s.resources.id }).from(s.resources).where(eq(s.resources.code, 'MR-301'));
  const submittedAt = ago(1, '20:30');
  const startAt = ahead(5, '16:00');
  const endAt = ahead(5, '17:00');
  const rrule = 'FREQ=WEEKLY;COUNT=4';
  const dates = expandRule({ rrule, startAt, endAt, timeZone, calendar, horizonEnd: new Date(8.64e15), horizonDays: 0 });
  const year = dayInZone(submittedAt, timeZone).slice(0, 4);
  const row = {
    id: randomUUID(),
    reference: `RS-${year}-000001`,
    resourceId: room.id,
    requesterUserId: staff.id,
    rrule,
    startAt,
    endAt,
    purpose: '每周销售例会',
    createdAt: submittedAt,
  };
  const stories: DemoStory[] = dates
    .filter((d) => !d.skipped)
    .map((d, i) => ({
      request: {
        reference: `BK-${year}-${String(after + i + 1).padStart(6, '0')}`,
        requesterKind: 'staff',
        requesterUserId: staff.id,
        contactName: staff.name,
        contactPhone: staff.phone ?? '',
        contactEmail: staff.email,
        departmentId: staff.departmentId,
        channel: 'portal',
        resourceId: room.id,
        purpose: row.purpose,
        attendees: 8,
        startAt: d.startAt,
        endAt: d.endAt,
        seriesId: row.id,
        occurrenceNo: d.n,
      },
      submittedAt,
      submittedBy: { kind: 'user', id: staff.id },
      steps: [
        { action: 'approve', at: new Date(now.getTime() - 60 * 60_000), by: { kind: 'user', id: admin.id }, note: '同意，每周例会按时使用。' },
        { action: 'confirm', at: new Date(now.getTime() - 30 * 60_000), by: { kind: 'user', id: staff.id } },
      ],
    }));
  return { row, stories };
}

async function seedDemoBlackout(db: Db, { ahead }: Placement): Promise<void> {
  const [forklift] = await db.select({ id: s.resources.id }).from(s.resources).where(eq(s.resources.code, 'EQ-02'));
  const existing = await db.select({ n: count() }).from(s.blackouts).where(eq(s.blackouts.resourceId, forklift.id));
  if (existing[0].n > 0) return;
  await db.insert(s.blackouts).values({
    resourceId: forklift.id,
    kind: 'maintenance',
    startAt: ahead(5, '08:30'),
    endAt: ahead(5, '18:00'),
    reason: '年度保养 / annual service',
  });
}

/** Loads the demo data into a database without accounts; says whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(s.users);
  if (n > 0) return false;
  await seedDemoData(db);
  return true;
}
