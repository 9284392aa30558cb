import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, resourceTypes } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { createResource, reinstateResource, retireResource, updateResource } from '@/lib/resources/manage';
import { R } from '@/lib/resources/resource-schema';
import { createResourceType, listResourceTypes, updateResourceType } from '@/lib/resources/types-manage';
import { NOW, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

async function typeId(code = 'meeting_room') {
  const [row] = await db().select().from(resourceTypes).where(eq(resourceTypes.code, code));
  return row.id;
}

/** A complete editor form, as the page posts it. */
async function form(overrides: Record<string, unknown> = {}) {
  return {
    code: 'mr-701',
    nameZh: '701 会议室',
    nameEn: 'Meeting Room 701',
    typeId: await typeId(),
    location: '总部 7 楼',
    locationEn: 'HQ, 7th floor',
    capacity: '12',
    opensAt: '08:30',
    closesAt: '18:00',
    workingDaysOnly: 'on',
    setupBufferMinutes: '10',
    cleanupBufferMinutes: '10',
    maxDurationMinutes: '240',
    customerBookable: 'on',
    facilities: '投影仪 | Projector\n白板 | Whiteboard',
    checklist: '关闭投影仪 | Turn off the projector\n擦净白板',
    notesZh: '请保持整洁',
    notesEn: 'Please keep it tidy',
    ...overrides,
  };
}

const auditRows = (entityId: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.entity, 'resource'), eq(auditLog.entityId, entityId))).orderBy(auditLog.at);

describe('resources: who may change them', () => {
  it.each(['staff', 'service'] as const)('%s is refused and nothing is written', async (who) => {
    const mr301 = await resourceByCode(db(), 'MR-301');
    await expectDomainError(createResource(db(), actors[who], await form({ code: 'X-1' })), 'forbidden');
    await expectDomainError(updateResource(db(), actors[who], mr301.id, await form({ code: 'MR-301' })), 'forbidden');
    await expectDomainError(retireResource(db(), actors[who], mr301.id), 'forbidden');
    await expectDomainError(createResourceType(db(), actors[who], { code: 'lab', nameZh: '实验室', nameEn: 'Lab', sortOrder: '5' }), 'forbidden');
    await expectDomainError(listResourceTypes(db(), actors[who]), 'forbidden');
    expect(await resourceByCode(db(), 'X-1')).toBeUndefined();
    expect((await resourceByCode(db(), 'MR-301')).state).toBe('in_service');
  });
});

describe('resources: add, edit, retire', () => {
  it('adds a resource in both languages, with its facilities and checklist, and records it', async () => {
    const { id } = await createResource(db(), actors.admin, await form(), { now: NOW });
    const row = await resourceByCode(db(), 'MR-701');
    expect(row).toMatchObject({
      id,
      nameEn: 'Meeting Room 701',
      locationEn: 'HQ, 7th floor',
      capacity: 12,
      customerBookable: true,
      requiresCheckIn: false,
      facilities: ['投影仪', '白板'],
      facilitiesEn: ['Projector', 'Whiteboard'],
      checklist: [
        { key: 'item-1', label: { zh: '关闭投影仪', en: 'Turn off the projector' } },
        { key: 'item-2', label: { zh: '擦净白板', en: '' } },
      ],
    });
    const [entry] = await auditRows(id);
    expect(entry).toMatchObject({ action: 'create', actorUserId: actors.admin.id, actorName: actors.admin.name });
    expect(entry.after).toMatchObject({ code: 'MR-701', capacity: 12 });
  });

  it('refuses a duplicate code (any case) and bad values with field messages and bounds', async () => {
    const error = await expectDomainError(createResource(db(), actors.admin, await form({ code: 'mr-301' })), 'already_exists');
    expect(error.details.fields).toEqual({ code: [R.exists] });
    const bad = await expectDomainError(
      createResource(db(), actors.admin, await form({ code: 'X 1', capacity: '0', setupBufferMinutes: '999', opensAt: '19:00', nameEn: '' })),
      'invalid_input',
    );
    expect(bad.details.fields).toMatchObject({
      code: [R.code],
      capacity: [R.range],
      setupBufferMinutes: [R.range],
      nameEn: [R.required],
    });
    expect(bad.details.fieldParams?.capacity).toEqual({ min: 1, max: 1000 });
    const order = await expectDomainError(createResource(db(), actors.admin, await form({ code: 'X-2', opensAt: '19:00' })), 'invalid_input');
    expect(order.details.fields).toEqual({ closesAt: [R.hours_order] });
  });

  it('records an edit as the changed fields old → new, and keeps checklist keys of unchanged items', async () => {
    const mr701 = await resourceByCode(db(), 'MR-701');
    const result = await updateResource(
      db(),
      actors.admin,
      mr701.id,
      await form({ capacity: '16', checklist: '擦净白板\n关灯 | Lights off' }),
      { now: NOW },
    );
    expect(result).toMatchObject({ saved: true, kept: [] });
    const row = await resourceByCode(db(), 'MR-701');
    // A removed item's key is not reused: earlier check-out answers name it.
    expect(row.checklist.map((i) => i.key)).toEqual(['item-2', 'item-3']);
    const entries = await auditRows(mr701.id);
    const last = entries.at(-1)!;
    expect(last.action).toBe('update');
    expect(last.before).toMatchObject({ capacity: 12 });
    expect(last.after).toMatchObject({ capacity: 16 });
    expect(Object.keys(last.after!)).not.toContain('nameZh');
  });

  it('lists bookings that no longer fit new hours or buffers, and saves only when admin keeps them', async () => {
    const mr701 = await resourceByCode(db(), 'MR-701');
    // Tuesday until 17:30 (after the new closing time); Wednesday two bookings 30 min apart: they
    // fit 10 + 10 min buffers, not 30 min of clean-up plus 10 of set-up.
    const late = await seedBooking(db(), { resourceId: mr701.id, ...slot('2030-03-05', '16:00', '17:30'), status: 'confirmed', requester: actors.staff });
    const morning = await seedBooking(db(), { resourceId: mr701.id, ...slot('2030-03-06', '09:00', '10:00'), status: 'pending', requester: actors.staff });
    const next = await seedBooking(db(), { resourceId: mr701.id, ...slot('2030-03-06', '10:30', '11:00'), status: 'pending', requester: actors.staff2 });
    const before = await resourceByCode(db(), 'MR-701');

    const refused = await updateResource(db(), actors.admin, mr701.id, await form({ closesAt: '17:00', cleanupBufferMinutes: '30' }), { now: NOW });
    expect(refused.saved).toBe(false);
    if (refused.saved) throw new Error('unreachable');
    expect(refused.misfits.map((m) => [m.reference, m.reasons])).toEqual([
      [late.reference, ['hours']],
      [morning.reference, ['buffers']],
      [next.reference, ['buffers']],
    ]);
    expect(await resourceByCode(db(), 'MR-701')).toEqual(before);

    const kept = await updateResource(db(), actors.admin, mr701.id, await form({ closesAt: '17:00', cleanupBufferMinutes: '30' }), {
      now: NOW,
      keepBookings: true,
    });
    expect(kept).toMatchObject({ saved: true });
    expect((await resourceByCode(db(), 'MR-701')).closesAt.slice(0, 5)).toBe('17:00');
    const last = (await auditRows(mr701.id)).at(-1)!;
    expect(last.note).toContain(late.reference);
  });

  it('retires a resource: history kept, upcoming bookings listed, no new booking; reinstating is recorded', async () => {
    const mr701 = await resourceByCode(db(), 'MR-701');
    const { upcoming } = await retireResource(db(), actors.admin, mr701.id, { reason: '改为仓库' }, { now: NOW });
    expect(upcoming).toHaveLength(3);
    expect((await resourceByCode(db(), 'MR-701')).state).toBe('retired');
    const retire = (await auditRows(mr701.id)).at(-1)!;
    expect(retire).toMatchObject({ action: 'retire', note: '改为仓库', after: { state: 'retired' } });
    const thursday = { resourceId: mr701.id, ...slot('2030-03-07', '14:00', '15:00'), purpose: '周会', phone: '138 0013 8000' };
    await expectDomainError(createStaffRequest(db(), actors.staff, thursday, { now: NOW }), 'resource_unavailable');

    await reinstateResource(db(), actors.admin, mr701.id, { now: NOW });
    expect((await resourceByCode(db(), 'MR-701')).state).toBe('in_service');
  });

  it('unknown resource is not_found', async () => {
    await expectDomainError(retireResource(db(), actors.admin, 'nope'), 'not_found');
    await expectDomainError(updateResource(db(), actors.admin, '00000000-0000-4000-8000-000000000000', await form()), 'not_found');
  });
});

describe('resource types', () => {
  it('adds and renames a type, refusing a duplicate code, recording both', async () => {
    const { id } = await createResourceType(db(), actors.admin, { code: 'lab', nameZh: '实验室', nameEn: 'Laboratory', sortOrder: '5' });
    const dup = await expectDomainError(
      createResourceType(db(), actors.admin, { code: 'LAB', nameZh: '实验室', nameEn: 'Lab', sortOrder: '5' }),
      'already_exists',
    );
    expect(dup.details.fields).toEqual({ code: [R.exists] });
    await updateResourceType(db(), actors.admin, id, { code: 'lab', nameZh: '检测实验室', nameEn: 'Test laboratory', sortOrder: '5' });
    const types = await listResourceTypes(db(), actors.admin);
    expect(types.find((t) => t.id === id)).toMatchObject({ nameEn: 'Test laboratory', resourceCount: 0 });
    const entries = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update']);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses to change or delete an entry', async () => {
    const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(n).toBeGreaterThan(0);
    await expect(db().update(auditLog).set({ note: 'changed' })).rejects.toThrow();
    await expect(db().delete(auditLog)).rejects.toThrow();
    const [{ after }] = await db().select({ after: sql<number>`count(*)::int` }).from(auditLog);
    expect(after).toBe(n);
  });
});

describe('resource editor actions', () => {
  const ctx = (who: 'admin' | 'staff' | 'service', locale: 'zh' | 'en' = 'en') => ({ db: db(), actor: actors[who], locale, headers: new Headers() });
  const formData = (fields: Record<string, unknown>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
    return data;
  };

  it('non-admins are refused as a result, not an exception; nothing is written', async () => {
    const { saveResourceAction, retireResourceAction, saveResourceTypeAction } = await import('@/app/(portal)/admin/resources/actions');
    const mr301 = await resourceByCode(db(), 'MR-301');
    for (const who of ['staff', 'service'] as const) {
      expect(await saveResourceAction.invoke(ctx(who), formData(await form({ code: 'X-9' })))).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await retireResourceAction.invoke(ctx(who), formData({ id: mr301.id }))).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await saveResourceTypeAction.invoke(ctx(who), formData({ code: 'x', nameZh: 'x', nameEn: 'x', sortOrder: 1 }))).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await resourceByCode(db(), 'X-9')).toBeUndefined();
  });

  it('bad values come back with field messages in the reader language, with the bounds', async () => {
    const { saveResourceAction } = await import('@/app/(portal)/admin/resources/actions');
    const result = await saveResourceAction.invoke(ctx('admin', 'zh'), formData(await form({ code: 'X-10', capacity: '5000' })));
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { capacity: ['请输入 1 到 1000 之间的数字。'] } });
  });

  it('a change that leaves bookings outside comes back with them and what was typed, unsaved', async () => {
    const { saveResourceAction } = await import('@/app/(portal)/admin/resources/actions');
    const mr302 = await resourceByCode(db(), 'MR-302');
    const far = new Date(Date.now() + 30 * 86_400_000);
    const day = far.toISOString().slice(0, 10);
    const booking = await seedBooking(db(), { resourceId: mr302.id, ...slot(day, '16:00', '17:00'), status: 'confirmed', requester: actors.staff });
    const typed = { id: mr302.id, ...(await form({ code: 'MR-302', nameZh: mr302.nameZh, closesAt: '12:00', workingDaysOnly: '' })) };
    const result = await saveResourceAction.invoke(ctx('admin'), formData(typed));
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error('unreachable');
    expect(result.data.saved).toBe(false);
    expect(result.data.misfits.map((m) => m.reference)).toContain(booking.reference);
    expect(result.data.sent).toMatchObject({ closesAt: '12:00', code: 'MR-302' });
    expect((await resourceByCode(db(), 'MR-302')).closesAt.slice(0, 5)).toBe(mr302.closesAt.slice(0, 5));
  });
});
