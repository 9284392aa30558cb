/** A signed-in person's own preferences. */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users, type Locale } from '@/db/schema';
import { requireUser, type Actor } from '@/lib/authz';

/** Saves the language e-mails to this person are written in. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  const user = requireUser(actor);
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
}
