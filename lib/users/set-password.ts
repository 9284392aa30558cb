/** An operator sets an account's password from the command line (`npm run user:password`). */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { endSessions } from './sessions';

export const newPasswordSchema = z
  .string()
  .min(8, 'at least 8 characters')
  .max(200, 'at most 200 characters')
  .refine((p) => p !== DEMO_PASSWORD, 'not the published demo password');

/**
 * Sets the password of the account with this e-mail (any case); false when there is none. Every
 * session of the account ends: whoever knew the old password is signed out too.
 */
export async function setUserPassword(db: Db, email: string, password: string): Promise<boolean> {
  const parsed = newPasswordSchema.parse(password);
  const updated = await db
    .update(users)
    .set({ passwordHash: await hashPassword(parsed), ...endSessions })
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .returning({ id: users.id });
  return updated.length > 0;
}
