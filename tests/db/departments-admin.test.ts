import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { setApiAccess } from '@/lib/api-access/tokens';
import { createDepartment, getDepartment, listDepartmentsWithContacts, updateDepartment } from '@/lib/users/departments';
import { NOW, expectDomainError, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const entries = (entityId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.at);

describe('departments', () => {
  it.each(['staff', 'service'] as const)('%s may not list, add or change them', async (who) => {
    await expectDomainError(listDepartmentsWithContacts(db(), actors[who]), 'forbidden');
    await expectDomainError(createDepartment(db(), actors[who], { code: 'QA', nameZh: '质量部', nameEn: 'Quality' }), 'forbidden');
    await expectDomainError(updateDepartment(db(), actors[who], actors.staff.departmentId!, { code: 'X', nameZh: 'x', nameEn: 'x' }), 'forbidden');
    expect((await listDepartmentsWithContacts(db(), actors.admin)).find((d) => d.code === 'QA')).toBeUndefined();
  });

  it('admin adds one (code in capitals, unique in any case) and it is recorded', async () => {
    const { id } = await createDepartment(db(), actors.admin, { code: 'qa', nameZh: '质量部', nameEn: 'Quality', email: ' qa@example.com ' }, { now: NOW });
    const { department, people } = await getDepartment(db(), actors.admin, id);
    expect(department).toMatchObject({ code: 'QA', nameZh: '质量部', nameEn: 'Quality', email: 'qa@example.com' });
    expect(people).toEqual([]);
    expect((await entries(id)).map((e) => [e.entity, e.action])).toEqual([['department', 'create']]);

    const dup = await expectDomainError(createDepartment(db(), actors.admin, { code: 'Qa', nameZh: '质检', nameEn: 'QC' }), 'already_exists');
    expect(dup.details.fields).toEqual({ code: ['people.errors.department_code_taken'] });
    const bad = await expectDomainError(createDepartment(db(), actors.admin, { code: 'Q A', nameZh: '', nameEn: 'x', email: 'nope' }), 'invalid_input');
    expect(Object.keys(bad.details.fields!).sort()).toEqual(['code', 'email', 'nameZh']);
  });

  it('admin renames one and chooses its contacts among its own people; both recorded old → new', async () => {
    const departmentId = actors.staff.departmentId!;
    const { department, people } = await getDepartment(db(), actors.admin, departmentId);
    const staff = people.find((p) => p.id === actors.staff.id)!;
    // In the demo data nobody of Sales (张销售's department) is a contact yet.
    expect(people.filter((p) => p.isDepartmentContact)).toEqual([]);
    const form = { code: department.code, nameZh: `${department.nameZh}一部`, nameEn: department.nameEn, email: '', contactIds: staff.id };
    await updateDepartment(db(), actors.admin, departmentId, form, { now: NOW });

    const after = await getDepartment(db(), actors.admin, departmentId);
    expect(after.people.filter((p) => p.isDepartmentContact).map((p) => p.id)).toEqual([staff.id]);
    expect(after.department.nameZh).toBe(`${department.nameZh}一部`);
    const [entry] = (await entries(departmentId)).filter((e) => e.action === 'update');
    expect(entry.before).toMatchObject({ nameZh: department.nameZh });
    expect(entry.after).toMatchObject({ nameZh: `${department.nameZh}一部` });
    expect(entry.before?.contacts).toEqual([]);
    expect(entry.after?.contacts).toEqual([staff.name]);

    // Someone of another department cannot be its contact; nothing changes.
    const outsider = actors.staff2;
    expect(outsider.departmentId).not.toBe(departmentId);
    const refused = await expectDomainError(updateDepartment(db(), actors.admin, departmentId, { ...form, contactIds: [staff.id, outsider.id] }), 'invalid_input');
    expect(refused.details.fields).toEqual({ contactIds: ['people.errors.choice'] });
    expect((await getDepartment(db(), actors.admin, departmentId)).people.filter((p) => p.isDepartmentContact).map((p) => p.id)).toEqual([staff.id]);
    const [other] = await db().select().from(users).where(eq(users.id, outsider.id));
    expect(other.isDepartmentContact).toBe(true);
    // Saving the same values again records nothing.
    const count = (await entries(departmentId)).length;
    await updateDepartment(db(), actors.admin, departmentId, form);
    expect(await entries(departmentId)).toHaveLength(count);
    await expectDomainError(updateDepartment(db(), actors.admin, departmentId, { ...form, code: 'QA' }), 'already_exists');
  });

  it('the API-access switch is recorded on the person', async () => {
    await setApiAccess(db(), actors.admin, actors.staff2.id, true, NOW);
    await setApiAccess(db(), actors.admin, actors.staff2.id, true, NOW);
    const rows = (await entries(actors.staff2.id)).filter((e) => e.entity === 'user');
    expect(rows.map((e) => [e.action, e.before, e.after])).toEqual([['update', { apiAccess: false }, { apiAccess: true }]]);
  });
});
