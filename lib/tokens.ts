/**
 * Links in e-mails carry a random token for one booking and one purpose. Only its SHA-256 is
 * stored, so a database leak yields no usable links. Checking never consumes the token: a GET
 * (mail scanners open links) only shows; the POST that changes state marks it used in the same
 * transaction as the change (lib/booking/transition.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { actionTokens } from '@/db/schema';
import { DomainError } from './errors';

export type TokenPurpose = (typeof actionTokens.$inferSelect)['purpose'];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(
  tx: Db,
  input: { bookingId: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(actionTokens).values({ ...input, tokenHash: hashToken(token) });
  return token;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What a token looks like (43 base64url characters): anything else is not worth a look-up. */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The booking a live token grants, or `token_invalid` (unknown, expired, used, other purpose). */
export async function resolveToken(
  db: Db,
  token: string,
  purposes: readonly TokenPurpose[],
  now = new Date(),
): Promise<{ id: string; bookingId: string; purpose: TokenPurpose }> {
  if (!isTokenShaped(token)) throw new DomainError('token_invalid');
  const [row] = await db
    .select()
    .from(actionTokens)
    .where(and(eq(actionTokens.tokenHash, hashToken(token)), gt(actionTokens.expiresAt, now), isNull(actionTokens.usedAt)));
  if (!row || !purposes.includes(row.purpose)) throw new DomainError('token_invalid');
  return { id: row.id, bookingId: row.bookingId, purpose: row.purpose };
}
