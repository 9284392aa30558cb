/** Turns a session's user id into an `Actor`, from the database's current view of that user. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users, type User } from '@/db/schema';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';

const userId = z.uuid();

/**
 * The session may be days old: the role, department or locale may have changed and the account
 * may have been switched off since. The database wins; an inactive or deleted user is anonymous.
 */
export async function actorForUserId(db: Db, id: string | null | undefined): Promise<Actor> {
  if (!userId.safeParse(id).success) return ANONYMOUS;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.id, id as string))
    .limit(1);
  if (!user || !user.active) return ANONYMOUS;
  return userActor(user);
}

/** A user row as the actor the domain functions check. */
export function userActor(user: User): UserActor {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    departmentId: user.departmentId,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isDepartmentContact: user.isDepartmentContact,
  };
}
