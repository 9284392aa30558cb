/**
 * Revoking sessions in the domain layer: a session is the user id and the session version its
 * cookie was issued under (lib/auth/config.ts), turned into an actor by lib/auth/actor.ts on
 * every page, action and API call. Whatever ends a person's sessions must make an older session
 * anonymous at once, and only that person's.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { actorForSession, type SessionClaims } from '@/lib/auth/actor';
import { verifyCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { setUserActive, setUserRole } from '@/lib/users/manage';
import { setUserPassword } from '@/lib/users/set-password';
import { revokeSessions } from '@/lib/users/sessions';
import { testDriver, useTestDb } from '../helpers/db';

const { db } = useTestDb();

let counter = 0;

/** A new account and a session for it, as a sign-in would issue. */
async function signedIn(role: 'staff' | 'admin' = 'staff'): Promise<{ id: string; email: string; session: SessionClaims }> {
  const email = `person${++counter}@example.com`;
  await db()
    .insert(users)
    .values({ email, name: `测试 ${counter}`, role, passwordHash: await hashPassword('a good secret') });
  const user = await verifyCredentials(db(), email, 'a good secret');
  if (!user) throw new Error('sign-in failed');
  return { id: user.id, email, session: { userId: user.id, sessionVersion: user.sessionVersion } };
}

const actorOf = (session: SessionClaims) => actorForSession(db(), session);

async function adminActor(): Promise<Actor> {
  const admin = await signedIn('admin');
  return actorOf(admin.session);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : String(error);
}

describe(`session revocation (${testDriver})`, () => {
  it('ends every session of the person on sign-out, and a new sign-in works', async () => {
    const person = await signedIn();
    const other = await signedIn();
    expect((await actorOf(person.session)).kind).toBe('user');

    await revokeSessions(db(), person.id);
    expect(await actorOf(person.session)).toEqual(ANONYMOUS);
    // Someone else's session is untouched.
    expect(await actorOf(other.session)).toMatchObject({ kind: 'user', id: other.id });

    const again = await verifyCredentials(db(), person.email, 'a good secret');
    expect(await actorOf({ userId: person.id, sessionVersion: again!.sessionVersion })).toMatchObject({ kind: 'user', id: person.id });
  });

  it('ends the sessions when the password changes', async () => {
    const person = await signedIn();
    expect(await setUserPassword(db(), person.email, 'another good secret')).toBe(true);
    expect(await actorOf(person.session)).toEqual(ANONYMOUS);
  });

  it('ends the sessions when admin switches the account off, and they stay ended when it is on again', async () => {
    const admin = await adminActor();
    const person = await signedIn();
    await setUserActive(db(), admin, person.id, false);
    expect(await actorOf(person.session)).toEqual(ANONYMOUS);
    await setUserActive(db(), admin, person.id, true);
    expect(await actorOf(person.session)).toEqual(ANONYMOUS);
  });

  it('ends the sessions when admin changes the role: the old session does not keep the old (or get the new) rights', async () => {
    const admin = await adminActor();
    const person = await signedIn('admin');
    await setUserRole(db(), admin, person.id, 'staff');
    expect(await actorOf(person.session)).toEqual(ANONYMOUS);
    const [row] = await db().select().from(users).where(eq(users.id, person.id));
    expect(row.role).toBe('staff');
  });

  it('lets only admin switch accounts off or change roles, and never their own', async () => {
    const admin = await signedIn('admin');
    const adminSession = await actorOf(admin.session);
    const staff = await signedIn();
    const staffActor = await actorOf(staff.session);
    expect(await codeOf(setUserActive(db(), staffActor, admin.id, false))).toBe('forbidden');
    expect(await codeOf(setUserRole(db(), staffActor, staff.id, 'admin'))).toBe('forbidden');
    expect(await codeOf(setUserRole(db(), ANONYMOUS, staff.id, 'admin'))).toBe('unauthenticated');
    expect(await codeOf(setUserActive(db(), adminSession, admin.id, false))).toBe('forbidden');
    expect(await codeOf(setUserRole(db(), adminSession, 'not-a-uuid', 'staff'))).toBe('not_found');
    expect(await codeOf(setUserRole(db(), adminSession, '00000000-0000-4000-8000-000000000000', 'staff'))).toBe('not_found');
    // Nothing changed for the refused calls.
    expect(await actorOf(staff.session)).toMatchObject({ kind: 'user', role: 'staff' });
    expect(await actorOf(admin.session)).toMatchObject({ kind: 'user', role: 'admin' });
  });

  it('treats a session without a version (issued before versions existed) or a forged one as signed out', async () => {
    const person = await signedIn();
    expect(await actorOf({ userId: person.id, sessionVersion: undefined })).toEqual(ANONYMOUS);
    expect(await actorOf({ userId: person.id, sessionVersion: null })).toEqual(ANONYMOUS);
    expect(await actorOf({ userId: person.id, sessionVersion: person.session.sessionVersion! + 1 })).toEqual(ANONYMOUS);
  });
});
