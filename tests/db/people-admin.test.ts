import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, departments, emailOutbox, users } from '@/db/schema';
import { actorForSession } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { tokenOf } from '@/lib/tokens';
import { changeOwnPassword } from '@/lib/users/own-password';
import { checkPasswordLink, setPasswordByLink } from '@/lib/users/password-link';
import { createPerson, listPeople, resetPassword, updatePerson } from '@/lib/users/people';
import { NOW, expectDomainError, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

async function departmentId(code = 'SALES') {
  const [row] = await db().select().from(departments).where(eq(departments.code, code));
  return row.id;
}

/** The link a password mail carries, as the outbox fills it in at send time. */
async function linkTokenFor(email: string): Promise<string> {
  const rows = await db().select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'password-link')));
  const link = String(rows.at(-1)!.payload.link);
  const id = /\{link-token:([0-9a-f-]{36})\}/.exec(link)![1];
  return tokenOf(id);
}

const userByEmail = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0];

describe('people: who may manage them', () => {
  it.each(['staff', 'service'] as const)('%s is refused; nothing is written', async (who) => {
    await expectDomainError(createPerson(db(), actors[who], { name: 'x', email: 'x@example.com', departmentId: await departmentId(), role: 'staff' }), 'forbidden');
    await expectDomainError(updatePerson(db(), actors[who], actors.staff2.id, { role: 'admin', departmentId: await departmentId(), active: 'on' }), 'forbidden');
    await expectDomainError(resetPassword(db(), actors[who], actors.staff2.id), 'forbidden');
    await expectDomainError(listPeople(db(), actors[who]), 'forbidden');
    expect(await userByEmail('x@example.com')).toBeUndefined();
    expect((await userByEmail(actors.staff2.email)).role).toBe('staff');
  });
});

describe('people: accounts', () => {
  it('creates an account without a password and mails a one-use link (no password in the mail); the link sets it once', async () => {
    const { id } = await createPerson(
      db(),
      actors.admin,
      { name: '李新人', email: 'New.Person@Example.com', phone: '138 0013 8001', departmentId: await departmentId(), role: 'staff', departmentContact: 'on' },
      { now: NOW },
    );
    const user = await userByEmail('New.Person@Example.com');
    expect(user).toMatchObject({ id, passwordHash: null, role: 'staff', isDepartmentContact: true, phone: '138 0013 8001' });
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'New.Person@Example.com'));
    expect(mail.template).toBe('password-link');
    expect(JSON.stringify(mail.payload)).not.toMatch(/password"\s*:/);

    const dup = await expectDomainError(
      createPerson(db(), actors.admin, { name: 'x', email: 'new.person@example.COM', departmentId: await departmentId(), role: 'staff' }),
      'already_exists',
    );
    expect(dup.details.fields).toEqual({ email: ['people.errors.email_taken'] });

    const token = await linkTokenFor('New.Person@Example.com');
    expect(await checkPasswordLink(db(), token)).toMatchObject({ name: '李新人' });
    // Opening the page twice changes nothing.
    expect(await checkPasswordLink(db(), token)).toMatchObject({ name: '李新人' });
    const mismatch = await expectDomainError(setPasswordByLink(db(), token, { password: 'longenough1', confirm: 'other' }), 'invalid_input');
    expect(mismatch.details.fields).toEqual({ confirm: ['people.errors.password_mismatch'] });
    await setPasswordByLink(db(), token, { password: 'longenough1', confirm: 'longenough1' });
    expect(await verifyPassword('longenough1', (await userByEmail('New.Person@Example.com')).passwordHash)).toBe(true);
    await expectDomainError(setPasswordByLink(db(), token, { password: 'another-one', confirm: 'another-one' }), 'token_invalid');
    await expectDomainError(checkPasswordLink(db(), 'x'.repeat(43)), 'token_invalid');
  });

  it('a link expires', async () => {
    await resetPassword(db(), actors.admin, actors.staff2.id, { now: NOW });
    const token = await linkTokenFor(actors.staff2.email);
    await expectDomainError(checkPasswordLink(db(), token, new Date(NOW.getTime() + 49 * 3_600_000)), 'token_invalid');
    expect(await checkPasswordLink(db(), token, new Date(NOW.getTime() + 47 * 3_600_000))).toMatchObject({ email: actors.staff2.email });
  });

  it('disabling ends the existing session at once; a role change too; both recorded', async () => {
    const person = await userByEmail('New.Person@Example.com');
    const claims = { userId: person.id, sessionVersion: person.sessionVersion };
    expect((await actorForSession(db(), claims)).kind).toBe('user');

    await updatePerson(db(), actors.admin, person.id, { role: 'customer_service', departmentId: await departmentId(), departmentContact: '', active: 'on' }, { now: NOW });
    expect((await actorForSession(db(), claims)).kind).toBe('anonymous');

    const again = await userByEmail('New.Person@Example.com');
    const fresh = { userId: again.id, sessionVersion: again.sessionVersion };
    expect((await actorForSession(db(), fresh)).kind).toBe('user');
    await updatePerson(db(), actors.admin, person.id, { role: 'customer_service', departmentId: await departmentId(), departmentContact: '' }, { now: NOW });
    expect((await actorForSession(db(), fresh)).kind).toBe('anonymous');
    expect((await userByEmail('New.Person@Example.com')).active).toBe(false);

    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, person.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'disable', 'update']);
    expect(audit.find((a) => a.action === 'update')).toMatchObject({ before: { role: 'staff' }, after: { role: 'customer_service' } });
  });

  it('nobody demotes or disables the last active admin, nor their own admin account', async () => {
    const adm = await departmentId('ADM');
    const self = await expectDomainError(updatePerson(db(), actors.admin, actors.admin.id, { role: 'staff', departmentId: adm, active: 'on' }), 'invalid_input');
    expect(self.details.fields).toEqual({ role: ['people.errors.self'] });
    // A second admin demotes the first; the second is now the only active admin.
    await updatePerson(db(), actors.admin, actors.staff.id, { role: 'admin', departmentId: adm, active: 'on' });
    const second = { ...actors.staff, role: 'admin' as const };
    await updatePerson(db(), second, actors.admin.id, { role: 'staff', departmentId: adm, active: 'on' });
    const own = await expectDomainError(updatePerson(db(), second, actors.staff.id, { role: 'admin', departmentId: adm }), 'invalid_input');
    expect(own.details.fields).toEqual({ active: ['people.errors.self'] });
    // A request still running under the first admin's old session: the last admin stays.
    const last = await expectDomainError(updatePerson(db(), actors.admin, actors.staff.id, { role: 'staff', departmentId: adm, active: 'on' }), 'invalid_input');
    expect(last.details.fields).toEqual({ role: ['people.errors.last_admin'] });
    expect((await userByEmail(actors.staff.email)).role).toBe('admin');
    // Put back as the other tests expect.
    await updatePerson(db(), second, actors.admin.id, { role: 'admin', departmentId: adm, active: 'on' });
  });

  it('a person changes their own password with the current one; the old sessions end', async () => {
    const before = await userByEmail(actors.service.email);
    const wrong = await expectDomainError(changeOwnPassword(db(), actors.service, { current: 'nope', password: 'new-password-1', confirm: 'new-password-1' }), 'invalid_input');
    expect(wrong.details.fields).toEqual({ current: ['people.errors.current_wrong'] });
    await resetPassword(db(), actors.admin, actors.service.id);
    const token = await linkTokenFor(actors.service.email);
    await setPasswordByLink(db(), token, { password: 'first-password', confirm: 'first-password' });
    await changeOwnPassword(db(), actors.service, { current: 'first-password', password: 'new-password-1', confirm: 'new-password-1' });
    const after = await userByEmail(actors.service.email);
    expect(await verifyPassword('new-password-1', after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
  });
});
