/**
 * Admin changes to a person's account that change what their sessions may do: switching the
 * account off or on, and giving it another role. Either ends every session of the person in
 * the same statement (lib/users/sessions.ts), so nobody keeps working under the old terms.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { users, type UserRole } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { DomainError } from '@/lib/errors';
import { endSessions } from './sessions';

/** Switches an account off (its sessions end, sign-in is refused) or back on. */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<void> {
  await updateOther(db, actor, userId, { active });
}

/** Gives an account another role; its holder signs in again to work under the new one. */
export async function setUserRole(db: Db, actor: Actor, userId: string, role: UserRole): Promise<void> {
  await updateOther(db, actor, userId, { role });
}

/**
 * Admin only, and never on the admin's own account: switching oneself off or out of the admin
 * role would leave the organisation without the person making the change.
 */
async function updateOther(db: Db, actor: Actor, userId: string, change: { active?: boolean; role?: UserRole }) {
  const admin = requireAdmin(actor);
  if (!isUuid(userId)) throw new DomainError('not_found');
  if (userId === admin.id) throw new DomainError('forbidden');
  const [row] = await db
    .update(users)
    .set({ ...change, ...endSessions })
    .where(and(eq(users.id, userId), ne(users.id, admin.id)))
    .returning({ id: users.id });
  if (!row) throw new DomainError('not_found');
}
