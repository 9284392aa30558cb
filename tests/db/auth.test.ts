import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, resources, users } from '@/db/schema';
import { actorForSession } from '@/lib/auth/actor';
import { verifyCredentials } from '@/lib/auth/credentials';
import { landingPathFor } from '@/lib/auth/landing';
import { hashPassword } from '@/lib/auth/password';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { getLedgerEntry, listLedger } from '@/lib/resources/ledger';
import { at, seedBooking, slot } from '../helpers/booking-fixtures';
import { testDriver, useTestDb } from '../helpers/db';

const { db } = useTestDb();

async function actorFor(email: string): Promise<Actor> {
  const [user] = await db().select().from(users).where(eq(users.email, email));
  return actorForSession(db(), { userId: user.id, sessionVersion: user.sessionVersion });
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : String(error);
}

describe(`sign-in credentials (${testDriver})`, () => {
  it('accepts the right password and returns what the session carries', async () => {
    const user = await verifyCredentials(db(), 'staff@example.com', 'demo1234');
    expect(user).toMatchObject({ email: 'staff@example.com', role: 'staff', locale: 'zh' });
    expect(user?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user?.departmentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a wrong password', async () => {
    expect(await verifyCredentials(db(), 'staff@example.com', 'demo12345')).toBeNull();
    expect(await verifyCredentials(db(), 'staff@example.com', '')).toBeNull();
  });

  it('refuses an unknown e-mail', async () => {
    expect(await verifyCredentials(db(), 'nobody@example.com', 'demo1234')).toBeNull();
  });

  it('refuses malformed input instead of throwing', async () => {
    expect(await verifyCredentials(db(), undefined, undefined)).toBeNull();
    expect(await verifyCredentials(db(), 'a'.repeat(300), 'demo1234')).toBeNull();
    expect(await verifyCredentials(db(), { email: 'staff@example.com' }, 'demo1234')).toBeNull();
  });

  it('treats the e-mail case-insensitively and ignores surrounding spaces', async () => {
    const user = await verifyCredentials(db(), '  Admin@Example.COM ', 'demo1234');
    expect(user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
  });

  it('refuses an inactive account, and a session of one becomes anonymous', async () => {
    const [user] = await db()
      .insert(users)
      .values({ email: 'left@example.com', name: '离职员工', role: 'staff', passwordHash: await hashPassword('secret-pass'), active: true })
      .returning();
    expect(await verifyCredentials(db(), 'left@example.com', 'secret-pass')).not.toBeNull();
    expect((await actorForSession(db(), { userId: user.id, sessionVersion: 0 })).kind).toBe('user');

    await db().update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await verifyCredentials(db(), 'left@example.com', 'secret-pass')).toBeNull();
    expect(await actorForSession(db(), { userId: user.id, sessionVersion: 0 })).toEqual(ANONYMOUS);
  });

  it('reloads the role from the database rather than trusting the session', async () => {
    const [user] = await db()
      .insert(users)
      .values({ email: 'promoted@example.com', name: '晋升员工', role: 'staff', passwordHash: null })
      .returning();
    await db().update(users).set({ role: 'admin' }).where(eq(users.id, user.id));
    expect(await actorForSession(db(), { userId: user.id, sessionVersion: 0 })).toMatchObject({ kind: 'user', role: 'admin' });
  });

  it('makes an unknown or malformed session user id anonymous', async () => {
    expect(await actorForSession(db(), { userId: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 })).toEqual(ANONYMOUS);
    expect(await actorForSession(db(), { userId: 'not-a-uuid', sessionVersion: 0 })).toEqual(ANONYMOUS);
    expect(await actorForSession(db(), { userId: undefined, sessionVersion: 0 })).toEqual(ANONYMOUS);
  });

  it('a password-less account cannot sign in', async () => {
    await db().insert(users).values({ email: 'nopass@example.com', name: '无密码', role: 'staff', passwordHash: null });
    expect(await verifyCredentials(db(), 'nopass@example.com', '')).toBeNull();
    expect(await verifyCredentials(db(), 'nopass@example.com', 'anything')).toBeNull();
  });

  it('lands each role where it should', async () => {
    const landing = async (email: string) => landingPathFor((await verifyCredentials(db(), email, 'demo1234'))!.role);
    expect(await landing('staff@example.com')).toBe('/');
    expect(await landing('staff2@example.com')).toBe('/');
    expect(await landing('service@example.com')).toBe('/desk');
    expect(await landing('admin@example.com')).toBe('/admin');
  });
});

describe(`resource ledger authorization (${testDriver})`, () => {
  const someResourceId = async () => (await db().select({ id: resources.id }).from(resources).where(eq(resources.code, 'EQ-02')))[0].id;

  it.each(['staff@example.com', 'staff2@example.com', 'service@example.com'])('refuses %s (forbidden)', async (email) => {
    const actor = await actorFor(email);
    expect(await codeOf(listLedger(db(), actor))).toBe('forbidden');
    expect(await codeOf(getLedgerEntry(db(), actor, await someResourceId()))).toBe('forbidden');
  });

  it('refuses an anonymous visitor (unauthenticated)', async () => {
    expect(await codeOf(listLedger(db(), ANONYMOUS))).toBe('unauthenticated');
    expect(await codeOf(getLedgerEntry(db(), ANONYMOUS, await someResourceId()))).toBe('unauthenticated');
  });

  it('refuses a forbidden caller before saying whether the resource exists', async () => {
    const staff = await actorFor('staff@example.com');
    expect(await codeOf(getLedgerEntry(db(), staff, 'not-a-uuid'))).toBe('forbidden');
  });

  it('gives admin every resource, retired ones included', async () => {
    const admin = await actorFor('admin@example.com');
    const [retired] = await db()
      .insert(resources)
      .values({ code: 'MR-999', nameZh: '旧会议室', nameEn: 'Old room', typeId: (await listLedger(db(), admin))[0].type.id, location: '旧楼', state: 'retired' })
      .returning();
    const rows = await listLedger(db(), admin);
    const codes = rows.map((r) => r.resource.code);
    expect(codes).toEqual(expect.arrayContaining(['MR-301', 'MR-302', 'MR-501', 'MR-601', 'SR-101', 'SW-B1', 'EQ-01', 'EQ-02', retired.code]));
    expect(rows.find((r) => r.resource.code === 'SR-101')?.type.code).toBe('showroom');
  });

  it('gives admin a full ledger entry with maintenance periods and usage history', async () => {
    const admin = await actorFor('admin@example.com');
    const forklift = await getLedgerEntry(db(), admin, await someResourceId());
    expect(forklift.resource).toMatchObject({ code: 'EQ-02', assetNumber: 'ZC-2022-0045', model: 'CPD30' });
    expect(forklift.blackouts).toHaveLength(1);
    expect(forklift.blackouts[0].kind).toBe('maintenance');

    // A visit that was used: checked in and out (the demo data has none yet).
    const [room] = await db().select({ id: resources.id }).from(resources).where(eq(resources.code, 'MR-501'));
    const used = await seedBooking(db(), { resourceId: room.id, ...slot('2030-02-04', '10:00', '11:00'), status: 'completed' });
    await db()
      .update(bookings)
      .set({ checkedInAt: at('2030-02-04', '09:58'), checkedOutAt: at('2030-02-04', '11:02') })
      .where(eq(bookings.id, used.id));
    const history = await getLedgerEntry(db(), admin, room.id);
    const completed = history.usage.find((u) => u.status === 'completed');
    expect(completed?.checkedInAt).toEqual(at('2030-02-04', '09:58'));
    expect(completed?.checkedOutAt).toEqual(at('2030-02-04', '11:02'));
    expect(history.resource.notesZh).not.toBe('');
  });

  it('reports an unknown or malformed id to admin as not found', async () => {
    const admin = await actorFor('admin@example.com');
    expect(await codeOf(getLedgerEntry(db(), admin, '00000000-0000-4000-8000-000000000000'))).toBe('not_found');
    expect(await codeOf(getLedgerEntry(db(), admin, 'MR-301'))).toBe('not_found');
  });
});
