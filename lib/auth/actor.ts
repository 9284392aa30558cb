/** Turns a session into an `Actor`, from the database's current view of that user. */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users, type User } from '@/db/schema';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';

const sessionClaims = z.object({ userId: z.uuid(), sessionVersion: z.number().int() });

/** What a session cookie says about its holder (lib/auth/config.ts puts it there). */
export interface SessionClaims {
  userId: string | null | undefined;
  sessionVersion: number | null | undefined;
}

/**
 * The session may be days old: the role, department or locale may have changed and the account
 * may have been switched off since. The database wins; an inactive or deleted user is anonymous,
 * and so is a session issued before the person's sessions were revoked (signed out, new
 * password, disabled, new role: lib/users/sessions.ts) — a copied cookie dies with the others.
 */
export async function actorForSession(db: Db, claims: SessionClaims): Promise<Actor> {
  const parsed = sessionClaims.safeParse(claims);
  if (!parsed.success) return ANONYMOUS;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, parsed.data.userId), eq(users.sessionVersion, parsed.data.sessionVersion)))
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
