/**
 * The credentials check behind the sign-in form (Auth.js `authorize`), kept as a plain function
 * so tests can call it against a real database.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users, type Locale, type UserRole } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** What the session keeps about the signed-in person. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  departmentId: string | null;
  locale: Locale;
  /** The session version the new session is issued under (lib/auth/actor.ts). */
  sessionVersion: number;
}

let dummyHash: Promise<string> | undefined;

/**
 * Returns the user when the e-mail (any case) belongs to an active account and the password
 * matches; otherwise null, without saying which part was wrong.
 */
export async function verifyCredentials(db: Db, email: unknown, password: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse({ email, password });
  if (!parsed.success) return null;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email))
    .limit(1);
  if (!user || !user.active || !user.passwordHash) {
    // Spend the same bcrypt time as a real check, so response times do not reveal which
    // addresses have accounts.
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(parsed.data.password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
    locale: user.locale,
    sessionVersion: user.sessionVersion,
  };
}
