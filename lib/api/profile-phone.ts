/**
 * POST /api/v1/bookings may leave out `phone`: like the portal form, which pre-fills it, the
 * request then carries the caller's phone on file. Without one on file the field stays empty
 * and the domain's validation asks for it (422).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/authz';

export async function withProfilePhone<T extends { phone?: string }>(db: Db, actor: Actor, input: T): Promise<T> {
  if (input.phone !== undefined || actor.kind !== 'user') return input;
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
  return row?.phone ? { ...input, phone: row.phone } : input;
}
