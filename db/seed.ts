/**
 * Demo data in Chinese (with English names): departments, accounts, resources, the official
 * 2026 holiday calendar and bookings in several statuses. Idempotent: every row has a natural
 * key and is inserted with ON CONFLICT DO NOTHING, so seeding twice gives the same data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import type { Db } from './index';
import * as s from './schema';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', name: '王行政', role: 'admin', department: 'ADM', phone: '021-5888 0001', contact: false },
  { email: 'service@example.com', name: '李客服', role: 'customer_service', department: 'CS', phone: '021-5888 0002', contact: true },
  { email: 'staff@example.com', name: '张销售', role: 'staff', department: 'SALES', phone: '138 0013 8000', contact: false },
  { email: 'staff2@example.com', name: '陈技术', role: 'staff', department: 'TECH', phone: '139 0013 9000', contact: true },
] as const;

const DEPARTMENTS = [
  { code: 'ADM', nameZh: '行政部', nameEn: 'Administration', email: 'admin@example.com' },
  { code: 'CS', nameZh: '客户服务部', nameEn: 'Customer Service', email: 'service@example.com' },
  { code: 'SALES', nameZh: '销售部', nameEn: 'Sales', email: null },
  { code: 'TECH', nameZh: '技术部', nameEn: 'Engineering', email: null },
  { code: 'WH', nameZh: '仓储部', nameEn: 'Warehousing', email: null },
];

const RESOURCE_TYPES = [
  { code: 'meeting_room', nameZh: '会议室', nameEn: 'Meeting room', sortOrder: 1 },
  { code: 'showroom', nameZh: '展厅', nameEn: 'Showroom', sortOrder: 2 },
  { code: 'sample_warehouse', nameZh: '样品库', nameEn: 'Sample warehouse', sortOrder: 3 },
  { code: 'large_equipment', nameZh: '大型设备', nameEn: 'Large equipment', sortOrder: 4 },
];

type ResourceSeed = Omit<typeof s.resources.$inferInsert, 'typeId'> & { type: string };

const RESOURCES: ResourceSeed[] = [
  {
    code: 'MR-301', type: 'meeting_room', nameZh: '301 会议室', nameEn: 'Meeting Room 301', location: '总部 3 楼',
    capacity: 12, facilities: ['投影仪', '视频会议', '白板'], customerBookable: true, responsibleName: '王行政',
    notesZh: '请在会议结束后关闭投影仪并擦净白板。', notesEn: 'Please switch off the projector and wipe the whiteboard after the meeting.',
  },
  {
    code: 'MR-302', type: 'meeting_room', nameZh: '302 会议室', nameEn: 'Meeting Room 302', location: '总部 3 楼',
    capacity: 8, facilities: ['电视屏', '白板'], responsibleName: '王行政',
    notesZh: '室内禁止饮食。', notesEn: 'No food or drinks in the room.',
  },
  {
    code: 'MR-501', type: 'meeting_room', nameZh: '501 洽谈室', nameEn: 'Negotiation Room 501', location: '总部 5 楼',
    capacity: 6, facilities: ['电视屏', '茶水'], customerBookable: true, responsibleName: '李客服',
    notesZh: '接待客户请提前 10 分钟到场准备。', notesEn: 'Hosts please arrive 10 minutes early to prepare.',
  },
  {
    code: 'MR-601', type: 'meeting_room', nameZh: '601 大会议室', nameEn: 'Boardroom 601', location: '总部 6 楼',
    capacity: 30, facilities: ['投影仪', '视频会议', '音响', '白板'], setupBufferMinutes: 15, cleanupBufferMinutes: 15,
    responsibleName: '王行政', notesZh: '音响设备使用后请交还行政部。', notesEn: 'Return the sound equipment to Administration after use.',
  },
  {
    code: 'SR-101', type: 'showroom', nameZh: '产品展厅', nameEn: 'Product Showroom', location: '总部 1 楼',
    capacity: 40, facilities: ['样板墙', '灯光控制', '讲解屏'], customerBookable: true, opensAt: '09:00', closesAt: '17:30',
    setupBufferMinutes: 30, cleanupBufferMinutes: 30, maxDurationMinutes: 240, responsibleName: '李客服',
    notesZh: '参观请穿平底鞋；展品请勿踩踏或敲击。', notesEn: 'Wear flat shoes; do not step on or knock the exhibits.',
  },
  {
    code: 'SW-B1', type: 'sample_warehouse', nameZh: '样品库', nameEn: 'Sample Warehouse', location: '仓库 B 区',
    capacity: 6, facilities: ['样品架', '取样工具'], customerBookable: true, setupBufferMinutes: 15, cleanupBufferMinutes: 15,
    maxDurationMinutes: 180, responsibleName: '仓储部值班员',
    notesZh: '取用样品须登记；离开前请归位。', notesEn: 'Sign out every sample you take; put samples back before leaving.',
  },
  {
    code: 'EQ-01', type: 'large_equipment', nameZh: '万能材料试验机', nameEn: 'Universal Materials-Testing Machine',
    location: '检测中心 1 号实验室', capacity: 3, facilities: ['300 kN', '引伸计'], setupBufferMinutes: 30,
    cleanupBufferMinutes: 30, maxDurationMinutes: 240, assetNumber: 'ZC-2021-0012', model: 'WDW-300E',
    responsibleName: '陈技术', notesZh: '须经培训持证操作；试验前检查夹具。', notesEn: 'Trained, certified operators only; check the grips before testing.',
  },
  {
    code: 'EQ-02', type: 'large_equipment', nameZh: '电动叉车', nameEn: 'Electric Forklift', location: '仓库 A 区',
    capacity: 1, facilities: ['3 吨'], cleanupBufferMinutes: 15, maxDurationMinutes: 240, assetNumber: 'ZC-2022-0045',
    model: 'CPD30', responsibleName: '仓储部值班员', notesZh: '持叉车证操作；用后充电。', notesEn: 'Licensed drivers only; put it on charge after use.',
  },
];

export function loadBundledHolidays() {
  return parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8'));
}

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
    .values(RESOURCES.map(({ type, ...r }) => ({ ...r, typeId: types.get(type)! })))
    .onConflictDoNothing();

  await seedDemoBookings(db, now);
}

async function seedDemoBookings(db: Db, now: Date): Promise<void> {
  const [settings] = await db.select().from(s.policySettings).where(eq(s.policySettings.id, 1));
  const tz = settings.timeZone;
  const calendar: HolidayCalendar = new Map((await db.select().from(s.holidays)).map((h) => [h.date, h.kind]));
  const users = new Map(
    (await db.select().from(s.users).where(inArray(s.users.email, DEMO_ACCOUNTS.map((a) => a.email)))).map((u) => [u.email, u]),
  );
  const resources = new Map((await db.select().from(s.resources)).map((r) => [r.code, r]));
  const today = dayInZone(now, tz);
  const at = (workingDays: number, clock: string) => zonedInstant(addWorkingDays(today, workingDays, calendar), clock, tz);
  const ago = (days: number, clock: string) =>
    zonedInstant(dayInZone(new Date(now.getTime() - days * 86_400_000), tz), clock, tz);
  const staff = users.get('staff@example.com')!;
  const staff2 = users.get('staff2@example.com')!;
  const year = today.slice(0, 4);

  const forStaff = (u: typeof staff) => ({
    requesterKind: 'staff' as const,
    requesterUserId: u.id,
    contactName: u.name,
    contactPhone: u.phone ?? '',
    contactEmail: u.email,
    departmentId: u.departmentId,
    channel: 'portal' as const,
  });

  const demo: (typeof s.bookings.$inferInsert)[] = [
    {
      ...forStaff(staff), reference: `BK-${year}-000001`, resourceId: resources.get('MR-301')!.id, status: 'pending',
      purpose: '华东区经销商季度销售例会', attendees: 10, startAt: at(2, '09:30'), endAt: at(2, '11:30'),
    },
    {
      ...forStaff(staff), reference: `BK-${year}-000002`, resourceId: resources.get('MR-302')!.id,
      status: 'awaiting_confirmation', purpose: '新品报价方案内部评审', attendees: 6, startAt: at(3, '14:00'), endAt: at(3, '15:30'),
      reviewOpinion: '同意，请按时使用。', approvedAt: now, confirmDeadline: new Date(now.getTime() + 24 * 3_600_000),
    },
    {
      ...forStaff(staff2), reference: `BK-${year}-000003`, resourceId: resources.get('EQ-01')!.id, status: 'confirmed',
      purpose: '新型石膏板抗折强度检测', attendees: 2, startAt: at(2, '13:30'), endAt: at(2, '16:30'),
      reviewOpinion: '同意，注意安全操作规程。', approvedAt: ago(1, '10:00'), confirmedAt: ago(1, '11:00'),
    },
    {
      ...forStaff(staff), reference: `BK-${year}-000004`, resourceId: resources.get('MR-501')!.id, status: 'completed',
      purpose: '客户回访总结', attendees: 4, startAt: ago(7, '10:00'), endAt: ago(7, '11:00'),
      reviewOpinion: '同意。', approvedAt: ago(9, '09:00'), confirmedAt: ago(9, '10:00'),
      checkedInAt: ago(7, '09:58'), checkedOutAt: ago(7, '11:02'),
      checkoutChecklist: { cleaned: true, intact: true, itemsReturned: true },
    },
    {
      ...forStaff(staff2), reference: `BK-${year}-000005`, resourceId: resources.get('MR-601')!.id, status: 'cancelled',
      purpose: '技术部月度培训', attendees: 25, startAt: at(4, '09:00'), endAt: at(4, '12:00'), statusReason: '培训改期',
    },
    {
      ...forStaff(staff2), reference: `BK-${year}-000006`, resourceId: resources.get('SW-B1')!.id, status: 'rejected',
      purpose: '样品拍照', attendees: 2, startAt: at(3, '09:00'), endAt: at(3, '10:00'), statusReason: '当天样品库盘点，请改约其他时间。',
    },
    {
      requesterKind: 'customer', reference: `BK-${year}-000007`, resourceId: resources.get('SR-101')!.id, status: 'pending',
      channel: 'public', contactName: '刘女士', contactPhone: '13912345678', contactEmail: 'liu@customer.example.com',
      company: '苏州新居装饰工程有限公司', attendees: 5, specialNeeds: '需要讲解员介绍新款岩板', purpose: '参观展厅',
      startAt: at(3, '10:00'), endAt: at(3, '11:30'),
    },
  ];
  const inserted = await db.insert(s.bookings).values(demo).onConflictDoNothing().returning();
  if (inserted.length > 0) {
    await db.insert(s.bookingEvents).values(
      inserted.map((b) => ({
        bookingId: b.id,
        fromStatus: null,
        toStatus: b.status,
        action: 'seed',
        actorKind: 'system' as const,
        note: b.reviewOpinion ?? b.statusReason ?? null,
      })),
    );
  }

  const forklift = resources.get('EQ-02')!;
  const blackoutStart = at(5, '08:30');
  const existing = await db.select({ n: count() }).from(s.blackouts).where(eq(s.blackouts.resourceId, forklift.id));
  if (existing[0].n === 0) {
    await db.insert(s.blackouts).values({
      resourceId: forklift.id,
      kind: 'maintenance',
      startAt: blackoutStart,
      endAt: at(5, '18:00'),
      reason: '年度保养 / annual service',
    });
  }
}

/** The embedded database seeds itself on first start. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(s.users);
  if (n > 0) return false;
  await seedDemoData(db);
  return true;
}
