/**
 * Links in e-mails carry a token for one booking and one purpose. The token is the MAC of its
 * row's random id under a key derived from the server secret (lib/signing.ts); only its SHA-256
 * is stored, and the outbox row of a mail holds a placeholder naming the row's id, filled in when
 * the mail is sent (`fillLinkTokens`). So neither a database leak nor a look at the outbox (sent,
 * queued or given up) yields a usable link. Checking never consumes the token: a GET (mail
 * scanners open links) only shows; the POST that changes state marks it used in the same
 * transaction as the change (lib/booking/transition.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { actionTokens } from '@/db/schema';
import { DomainError } from './errors';
import { mac } from './signing';

export type TokenPurpose = (typeof actionTokens.$inferSelect)['purpose'];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type TokenInput = { bookingId: string; purpose: TokenPurpose; expiresAt: Date };

/** A token row ready to write (id and hash drawn). */
export type TokenRow = typeof actionTokens.$inferInsert & { id: string; tokenHash: string };

/** The token of the row with this id (any token table: password links use it too). */
export function tokenOf(id: string): string {
  return mac('link-token', id);
}

/** The placeholder a mail stores for the token of row `id`, filled in at send time. */
export const tokenPlaceholder = (id: string) => `{link-token:${id}}`;

/** The row of a new token, drawn in memory: its id is random and its hash follows from the id. */
function newTokenRow(input: TokenInput): TokenRow {
  const id = randomUUID();
  return { ...input, id, tokenHash: hashToken(tokenOf(id)) };
}

async function insertToken(tx: Db, input: TokenInput): Promise<string> {
  const row = newTokenRow(input);
  await tx.insert(actionTokens).values(row);
  return row.id;
}

/** A new token, for a link handed out at once. */
export async function issueToken(tx: Db, input: TokenInput): Promise<string> {
  return tokenOf(await insertToken(tx, input));
}

const PLACEHOLDER = /\{link-token:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}/g;

/**
 * A new token for a mail: its placeholder, which the outbox fills in when it sends the mail.
 * The row is only drawn here; the outbox writes it together with the mail that carries it
 * (lib/mail/outbox.ts), so a mail already queued issues no token nobody would get.
 */
export function mailToken(input: TokenInput): { placeholder: string; row: TokenRow } {
  const row = newTokenRow(input);
  return { placeholder: tokenPlaceholder(row.id), row };
}

/** The mail's data with every token placeholder replaced by its token (at send time only). */
export function fillLinkTokens<T>(data: T): T {
  return JSON.parse(JSON.stringify(data).replace(PLACEHOLDER, (_, id: string) => tokenOf(id))) as T;
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
