/**
 * One-use links to set a password (a new account, or admin's reset): no password ever travels
 * in an e-mail. The token follows lib/tokens.ts — only its hash is stored and the outbox holds a
 * placeholder filled in at send time — and lives PASSWORD_LINK_HOURS. Opening the page (GET)
 * only checks it; setting the password uses it up, and ends every session of the account.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { passwordTokens, users, type User } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { fieldErrors } from '@/lib/booking/schemas';
import { DEMO_PASSWORD } from '@/lib/demo/accounts';
import { DomainError } from '@/lib/errors';
import { mailLinks } from '@/lib/mail/links';
import { enqueueEmail } from '@/lib/mail/outbox';
import { hashToken, isTokenShaped, tokenOf, tokenPlaceholder } from '@/lib/tokens';
import { endSessions } from './sessions';

export const PASSWORD_LINK_HOURS = 48;
const HOUR = 3_600_000;

/** A new password: long enough, not the demo accounts' published one; both entries equal. */
export const passwordPairSchema = z
  .object({
    password: z
      .string({ error: 'people.errors.password_length' })
      .min(8, 'people.errors.password_length')
      .max(200, 'people.errors.password_length')
      .refine((p) => p !== DEMO_PASSWORD, 'people.errors.password_demo'),
    confirm: z.string().default(''),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'people.errors.password_mismatch' });

export function parsePasswordPair(input: unknown): string {
  const result = passwordPairSchema.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  return result.data.password;
}

/**
 * Queues the mail with a fresh link (`welcome` for a new account, `reset` otherwise). Earlier
 * unused links of the account stop working: only the newest one counts.
 */
export async function sendPasswordLink(tx: Db, user: Pick<User, 'id' | 'email' | 'name' | 'locale'>, reason: 'welcome' | 'reset', now = new Date()) {
  await tx
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, user.id), isNull(passwordTokens.usedAt)));
  const id = randomUUID();
  await tx.insert(passwordTokens).values({
    id,
    userId: user.id,
    tokenHash: hashToken(tokenOf(id)),
    expiresAt: new Date(now.getTime() + PASSWORD_LINK_HOURS * HOUR),
    createdAt: now,
  });
  await enqueueEmail(tx, {
    template: 'password-link',
    to: user.email,
    locale: user.locale,
    dedupeKey: `password:${id}`,
    payload: { recipientName: user.name, reason, hours: PASSWORD_LINK_HOURS, link: mailLinks.setPassword(tokenPlaceholder(id)) },
  });
}

async function liveToken(db: Db, token: string, now: Date) {
  if (!isTokenShaped(token)) throw new DomainError('token_invalid');
  const [row] = await db
    .select({ id: passwordTokens.id, userId: passwordTokens.userId, name: users.name, email: users.email, active: users.active })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashToken(token)), gt(passwordTokens.expiresAt, now), isNull(passwordTokens.usedAt)));
  if (!row || !row.active) throw new DomainError('token_invalid');
  return row;
}

/** Whose link this is (the page greets them); changes nothing. */
export async function checkPasswordLink(db: Db, token: string, now = new Date()): Promise<{ name: string; email: string }> {
  const { name, email } = await liveToken(db, token, now);
  return { name, email };
}

/** Sets the password and uses the link up, in one transaction; every session of the account ends. */
export async function setPasswordByLink(db: Db, token: string, input: unknown, now = new Date()): Promise<void> {
  const password = parsePasswordPair(input);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await liveToken(tx, token, now);
    const [used] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.id, row.id), isNull(passwordTokens.usedAt)))
      .returning({ id: passwordTokens.id });
    if (!used) throw new DomainError('token_invalid');
    await tx.update(users).set({ passwordHash: hash, ...endSessions }).where(eq(users.id, row.userId));
  });
}
