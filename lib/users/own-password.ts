/**
 * A signed-in person changes their own password: the current one first, then the new one
 * twice. Every session of the account ends — whoever knew the old password is signed out too,
 * and the person signs in again with the new one.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { requireUser, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { parsePasswordPair } from './password-link';
import { endSessions } from './sessions';

export async function changeOwnPassword(db: Db, actor: Actor, input: { current?: unknown; password?: unknown; confirm?: unknown }): Promise<void> {
  const user = requireUser(actor);
  const password = parsePasswordPair(input);
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (typeof input.current !== 'string' || !(await verifyPassword(input.current, row?.hash))) {
    throw new DomainError('invalid_input', undefined, { fields: { current: ['people.errors.current_wrong'] } });
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), ...endSessions })
    .where(eq(users.id, user.id));
}
