/**
 * Admin's JSON routes — resources, people, the audit log — through the route handlers as Next
 * calls them, with bearer tokens, on real PostgreSQL: only admin may, they call the same domain
 * functions as the pages (so every change is in the audit log), and the log itself takes no writes.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as auditDELETE, GET as auditGET, PATCH as auditPATCH, POST as auditPOST, PUT as auditPUT } from '@/app/api/v1/audit/route';
import { POST as maintenancePOST } from '@/app/api/v1/resources/[id]/maintenance/route';
import { POST as retirePOST } from '@/app/api/v1/resources/[id]/retire/route';
import { PATCH as resourcePATCH } from '@/app/api/v1/resources/[id]/route';
import { GET as resourcesGET, POST as resourcesPOST } from '@/app/api/v1/resources/route';
import { PATCH as userPATCH } from '@/app/api/v1/users/[id]/route';
import { POST as usersPOST } from '@/app/api/v1/users/route';
import { auditLog, departments, emailOutbox, resources, resourceTypes, users } from '@/db/schema';
import { updateSettings, getPolicySettings } from '@/lib/admin/settings';
import { createApiToken, setApiAccess } from '@/lib/api-access/tokens';
import { dayInZone } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import { resourceByCode, seedBooking, useBookingTestDb, type Who } from '../helpers/booking-fixtures';
import { workingDaySlot } from '../helpers/public-api';

const { db, handle, actors } = useBookingTestDb();
const BASE = 'http://booking.test/api/v1';
const tokens = {} as Record<Who, string>;
let typeId: string;
let departmentId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  for (const who of ['admin', 'service', 'staff', 'staff2'] as const) {
    if (who !== 'admin') await setApiAccess(db(), actors.admin, actors[who].id, true);
    tokens[who] = (await createApiToken(db(), actors[who], { name: 'test', scopes: ['read', 'write'] })).token;
  }
  [{ id: typeId }] = await db().select().from(resourceTypes).where(eq(resourceTypes.code, 'meeting_room'));
  [{ id: departmentId }] = await db().select().from(departments).limit(1);
});

/** A JSON answer, read freely by the assertions (its shape is what is under test). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

type Handler = (req: Request, route: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(handler: Handler, method: string, path: string, who: Who, body?: unknown, headers: Record<string, string> = {}) {
  const req = new Request(`${BASE}${path}${path.includes('?') ? '&' : '?'}locale=en`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const id = /\/(?:resources|users)\/([^/?]+)/.exec(path)?.[1];
  const response = await handler(req, { params: Promise.resolve({ id: id ?? '' }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Json) : null };
}

const newRoom = (code: string) => ({
  code,
  name: { zh: `${code} 洽谈室`, en: `${code} Meeting room` },
  type: { id: typeId },
  location: { zh: '总部 8 楼', en: 'HQ, 8th floor' },
  capacity: 8,
  hours: { opensAt: '08:30', closesAt: '18:00', workingDaysOnly: true },
  maxDurationMinutes: 240,
  setupBufferMinutes: 10,
  customerBookable: true,
  facilities: { zh: ['电视', '白板'], en: ['TV', 'Whiteboard'] },
  checklist: [{ label: { zh: '关闭电视', en: 'Turn off the TV' } }],
  notes: { zh: '请勿饮食', en: 'No food, please' },
});

const auditCount = async (entity: 'resource' | 'user' | 'maintenance' | 'setting', entityId?: string) =>
  (await db().select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, entity), entityId ? eq(auditLog.entityId, entityId) : undefined)))[0].n;

describe('admin JSON routes: only admin', () => {
  it.each(['staff', 'service'] as const)('%s is refused (403) on every route and nothing is written', async (who) => {
    const mr301 = await resourceByCode(db(), 'MR-301');
    const before = await db().select({ n: count() }).from(auditLog);
    const answers = [
      await call(resourcesPOST, 'POST', '/resources', who, newRoom('NO-1')),
      await call(resourcePATCH, 'PATCH', `/resources/${mr301.id}`, who, { capacity: 99 }),
      await call(retirePOST, 'POST', `/resources/${mr301.id}/retire`, who, {}),
      await call(maintenancePOST, 'POST', `/resources/${mr301.id}/maintenance`, who, { startAt: '2099-01-01T09:00:00+08:00', endAt: '2099-01-01T10:00:00+08:00', reason: 'x' }),
      await call(usersPOST, 'POST', '/users', who, { name: 'X', email: 'x-new@example.com', departmentId, role: 'admin' }),
      await call(userPATCH, 'PATCH', `/users/${actors[who].id}`, who, { role: 'admin' }),
      await call(auditGET, 'GET', '/audit', who),
      // A malformed body is still a 403: who may comes first.
      await call(resourcesPOST, 'POST', '/resources', who, { code: 1 }),
    ];
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(403));
    expect(answers.every((a) => a.body?.error.code === 'forbidden')).toBe(true);
    expect(await db().select({ n: count() }).from(auditLog)).toEqual(before);
    expect(await resourceByCode(db(), 'NO-1')).toBeUndefined();
    expect((await resourceByCode(db(), 'MR-301')).capacity).toBe(mr301.capacity);
    const [me] = await db().select().from(users).where(eq(users.id, actors[who].id));
    expect(me.role).toBe(actors[who].role);
  });
});

describe('resources', () => {
  it('admin adds one with the field names GET answers, in both languages; it is listed and recorded', async () => {
    const made = await call(resourcesPOST, 'POST', '/resources', 'admin', newRoom('mr-801'));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      code: 'MR-801',
      name: { zh: 'mr-801 洽谈室', en: 'mr-801 Meeting room' },
      location: { zh: '总部 8 楼', en: 'HQ, 8th floor' },
      facilities: { zh: ['电视', '白板'], en: ['TV', 'Whiteboard'] },
      checklist: [{ label: { zh: '关闭电视', en: 'Turn off the TV' } }],
      hours: { opensAt: '08:30:00', closesAt: '18:00:00', workingDaysOnly: true },
      setupBufferMinutes: 10,
      cleanupBufferMinutes: 0,
      customerBookable: true,
      state: 'in_service',
    });
    const listed = await call(resourcesGET, 'GET', '/resources?limit=200', 'staff');
    expect(listed.body!.resources.find((r: { id: string }) => r.id === made.body!.id)).toEqual(made.body);
    expect(await auditCount('resource', made.body!.id)).toBe(1);
  });

  it('a code in use (any case) is 409 with the field message; bad values are 422 under the API paths, localized', async () => {
    const dup = await call(resourcesPOST, 'POST', '/resources', 'admin', newRoom('MR-301'.toLowerCase()));
    expect(dup.status).toBe(409);
    expect(dup.body!.error.code).toBe('already_exists');
    expect(dup.body!.error.fields.code[0]).toMatch(/already/i);
    const bad = await call(resourcesPOST, 'POST', '/resources', 'admin', {
      ...newRoom('MR-802'),
      name: { zh: '802', en: '' },
      capacity: 0,
      hours: { opensAt: '19:00', closesAt: '18:00' },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body!.error.fields).sort()).toEqual(['capacity', 'hours.closesAt', 'name.en']);
    expect(bad.body!.error.fields.capacity[0]).toMatch(/1.*1000/);
    const wrongType = await call(resourcesPOST, 'POST', '/resources', 'admin', { ...newRoom('MR-803'), capacity: 'many' });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body!.error.fields.capacity).toHaveLength(1);
    expect(await resourceByCode(db(), 'MR-802')).toBeUndefined();
  });

  it('PATCH changes only what it names, recorded old → new; hours that booked uses no longer fit need keepBookings', async () => {
    const room = await resourceByCode(db(), 'MR-801');
    const renamed = await call(resourcePATCH, 'PATCH', `/resources/${room.id}`, 'admin', { capacity: 10, name: { en: 'Room 801' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ capacity: 10, name: { zh: 'mr-801 洽谈室', en: 'Room 801' }, facilities: { en: ['TV', 'Whiteboard'] } });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, room.id), eq(auditLog.action, 'update')));
    expect(entry).toMatchObject({ before: { capacity: 8, nameEn: 'mr-801 Meeting room' }, after: { capacity: 10, nameEn: 'Room 801' } });

    const slot = await workingDaySlot(db(), 12, '16:00', '17:30');
    const booking = await seedBooking(db(), { resourceId: room.id, startAt: new Date(slot.startAt), endAt: new Date(slot.endAt), status: 'confirmed' });
    const refused = await call(resourcePATCH, 'PATCH', `/resources/${room.id}`, 'admin', { hours: { closesAt: '17:00' } });
    expect(refused.status).toBe(409);
    expect(refused.body!.error).toMatchObject({ code: 'bookings_outside' });
    expect(refused.body!.error.message).toContain(booking.reference);
    expect((await resourceByCode(db(), 'MR-801')).closesAt).toBe('18:00:00');
    const kept = await call(resourcePATCH, 'PATCH', `/resources/${room.id}`, 'admin', { hours: { closesAt: '17:00' }, keepBookings: true, note: 'winter hours' });
    expect(kept.status).toBe(200);
    expect(kept.body!.hours.closesAt).toBe('17:00:00');

    const dupCode = await call(resourcePATCH, 'PATCH', `/resources/${room.id}`, 'admin', { code: 'MR-301' });
    expect(dupCode.status).toBe(409);
    expect((await call(resourcePATCH, 'PATCH', '/resources/not-a-uuid', 'admin', { capacity: 3 })).status).toBe(404);
  });

  it('a maintenance window → 201 with the bookings inside; retire → the bookings still to come; both recorded', async () => {
    const room = await resourceByCode(db(), 'MR-801');
    const slot = await workingDaySlot(db(), 14, '10:00', '11:00');
    const inside = await seedBooking(db(), { resourceId: room.id, startAt: new Date(slot.startAt), endAt: new Date(slot.endAt), requester: actors.staff });
    const window = { startAt: slot.startAt.replace('Z', '+00:00'), endAt: new Date(Date.parse(slot.endAt) + 3_600_000).toISOString(), reason: '空调保养' };
    const made = await call(maintenancePOST, 'POST', `/resources/${room.id}/maintenance`, 'admin', window);
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: expect.any(String), affectedBookings: [{ id: inside.id, reference: inside.reference, startAt: slot.startAt, endAt: slot.endAt }] });
    expect(await auditCount('maintenance', made.body!.id)).toBe(1);
    const bad = await call(maintenancePOST, 'POST', `/resources/${room.id}/maintenance`, 'admin', { ...window, endAt: window.startAt, reason: '' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body!.error.fields).sort()).toEqual(['reason']);

    const retired = await call(retirePOST, 'POST', `/resources/${room.id}/retire`, 'admin', { reason: '改作仓库' });
    expect(retired.status).toBe(200);
    expect(retired.body!.upcoming.map((b: { id: string }) => b.id)).toContain(inside.id);
    expect((await resourceByCode(db(), 'MR-801')).state).toBe('retired');
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, room.id), eq(auditLog.action, 'retire')));
    expect(entry.note).toBe('改作仓库');
  });

  it('POST honours Idempotency-Key: the same key and body replay the first answer, one resource', async () => {
    const headers = { 'idempotency-key': 'create-mr-901' };
    const first = await call(resourcesPOST, 'POST', '/resources', 'admin', newRoom('MR-901'), headers);
    const again = await call(resourcesPOST, 'POST', '/resources', 'admin', newRoom('MR-901'), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await db().select().from(resources).where(eq(resources.code, 'MR-901'))).toHaveLength(1);
  });
});

describe('users', () => {
  it('admin adds an account → 201, the person is mailed a link; an address in use (any case) is 409', async () => {
    const made = await call(usersPOST, 'POST', '/users', 'admin', { name: '赵新', email: 'Zhao.Xin@example.com', departmentId, role: 'staff', departmentContact: true });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '赵新', email: 'Zhao.Xin@example.com', role: 'staff', departmentId, departmentContact: true, disabled: false });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'Zhao.Xin@example.com'))).toHaveLength(1);
    expect(await auditCount('user', made.body!.id)).toBe(1);
    const dup = await call(usersPOST, 'POST', '/users', 'admin', { name: 'x', email: 'zhao.xin@EXAMPLE.com', departmentId, role: 'staff' });
    expect(dup.status).toBe(409);
    expect(dup.body!.error.fields.email).toHaveLength(1);
    const bad = await call(usersPOST, 'POST', '/users', 'admin', { name: '', email: 'nope', departmentId: 'x', role: 'boss' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body!.error.fields).sort()).toEqual(['departmentId', 'email', 'name', 'role']);
  });

  it('PATCH changes role and department; disabling refuses the person at their next request; the last admin stays', async () => {
    const changed = await call(userPATCH, 'PATCH', `/users/${actors.staff2.id}`, 'admin', { role: 'customer_service' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'customer_service', departmentId: actors.staff2.departmentId, disabled: false });

    expect((await call(resourcesGET, 'GET', '/resources', 'staff2')).status).toBe(200);
    const off = await call(userPATCH, 'PATCH', `/users/${actors.staff2.id}`, 'admin', { disabled: true });
    expect(off.body).toMatchObject({ disabled: true });
    expect((await call(resourcesGET, 'GET', '/resources', 'staff2')).status).toBe(401);
    const [row] = await db().select().from(users).where(eq(users.id, actors.staff2.id));
    expect(row.sessionVersion).toBeGreaterThan(0);

    const demote = await call(userPATCH, 'PATCH', `/users/${actors.admin.id}`, 'admin', { role: 'staff' });
    expect(demote.status).toBe(422);
    const disable = await call(userPATCH, 'PATCH', `/users/${actors.admin.id}`, 'admin', { disabled: true });
    expect(disable.status).toBe(422);
    expect((await db().select().from(users).where(eq(users.id, actors.admin.id)))[0]).toMatchObject({ role: 'admin', active: true });
    expect((await call(userPATCH, 'PATCH', `/users/${actors.staff.id}`, 'admin', { disabled: 'yes' })).status).toBe(422);
  });
});

describe('audit log route', () => {
  it('records settings changes, filters by kind, record, actor and days, and pages by cursor', async () => {
    const { settings } = await getPolicySettings(db(), actors.admin);
    // The row's own columns (id, who, when) are not form fields: the schema drops them.
    await updateSettings(db(), actors.admin, { ...settings, staffLeadWorkingDays: settings.staffLeadWorkingDays + 1 });
    await updateSettings(db(), actors.admin, { ...settings, staffLeadWorkingDays: settings.staffLeadWorkingDays + 1 });
    const setting = await call(auditGET, 'GET', '/audit?entity=setting', 'admin');
    expect(setting.status).toBe(200);
    expect(setting.body!.items).toHaveLength(1);
    expect(setting.body!.items[0]).toMatchObject({
      actor: { id: actors.admin.id, name: actors.admin.name },
      entity: 'setting',
      action: 'update',
      before: { staffLeadWorkingDays: settings.staffLeadWorkingDays },
      after: { staffLeadWorkingDays: settings.staffLeadWorkingDays + 1 },
    });

    const all = await call(auditGET, 'GET', '/audit?limit=200', 'admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(auditGET, 'GET', `/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'admin');
      seen.push(...page.body!.items.map((e: { at: string; entityId: string; action: string }) => `${e.at} ${e.entityId} ${e.action}`));
      cursor = page.body!.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body!.items.map((e: { at: string; entityId: string; action: string }) => `${e.at} ${e.entityId} ${e.action}`));
    expect(seen.length).toBeGreaterThan(4);

    const room = await resourceByCode(db(), 'MR-801');
    const one = await call(auditGET, 'GET', `/audit?entity=resource&entityId=${room.id}&actor=${actors.admin.id}`, 'admin');
    expect(one.body!.items.map((e: { action: string }) => e.action)).toEqual(['retire', 'update', 'update', 'create']);
    // Today in the organisation's zone, as the route reads days (not UTC's, a day behind in Shanghai's evening).
    const today = dayInZone(new Date(), (await getSettings(db())).timeZone);
    expect((await call(auditGET, 'GET', `/audit?from=2000-01-01&to=2000-12-31`, 'admin')).body!.items).toEqual([]);
    expect((await call(auditGET, 'GET', `/audit?to=${today}&from=2000-01-01&limit=200`, 'admin')).body!.items.length).toBeGreaterThan(0);
    const bad = await call(auditGET, 'GET', '/audit?entity=booking_x&from=2026-13-01&actor=me', 'admin');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body!.error.fields).sort()).toEqual(['actor', 'entity', 'from']);
  });

  it('takes no writes: POST, PUT, PATCH and DELETE are 405 for everybody, and nothing changes', async () => {
    const [before] = await db().select({ n: count() }).from(auditLog);
    for (const [handler, method] of [
      [auditPOST, 'POST'],
      [auditPUT, 'PUT'],
      [auditPATCH, 'PATCH'],
      [auditDELETE, 'DELETE'],
    ] as const) {
      const answer = await call(handler, method, '/audit', 'admin', { entity: 'setting', entityId: 'policy', action: 'forged' });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET');
      expect(answer.body!.error.code).toBe('method_not_allowed');
    }
    expect((await db().select({ n: count() }).from(auditLog))[0]).toEqual(before);
  });
});
