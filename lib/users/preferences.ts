/** A signed-in person's own preferences. */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users, type Locale } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';

/** Saves the language e-mails to this person are written in. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  const user = requireUser(actor);
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
}

/** Whether this admin gets the morning digest e-mail (lib/digest); only admin may. */
export async function dailyDigestOptIn(db: Db, actor: Actor): Promise<boolean> {
  const user = requireAdmin(actor);
  const [row] = await db.select({ on: users.dailyDigest }).from(users).where(eq(users.id, user.id));
  return row?.on ?? false;
}

/** An admin opts in to (or out of) the morning digest e-mail. */
export async function setDailyDigest(db: Db, actor: Actor, on: boolean): Promise<void> {
  const user = requireAdmin(actor);
  await db.update(users).set({ dailyDigest: on }).where(eq(users.id, user.id));
}
