/**
 * Ending a person's sessions. Sessions are signed cookies that carry the `session_version` they
 * were issued under; lib/auth/actor.ts refuses any whose version is no longer the user's, so
 * raising it ends every session of that person at once — on pages, in server actions and on the
 * JSON API, on every app instance (the version lives in the shared database).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { isUuid } from '@/lib/booking/ids';

/** The update that ends every session: spread into any `set()` that changes what a session may do. */
export const endSessions = { sessionVersion: sql`${users.sessionVersion} + 1` } as const;

/** Ends every session of this user (sign-out, a new password). Unknown ids change nothing. */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  if (!isUuid(userId)) return;
  await db.update(users).set(endSessions).where(eq(users.id, userId));
}
