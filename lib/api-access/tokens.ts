/**
 * Personal API tokens: another system calls /api/v1 with `Authorization: Bearer <token>` and acts
 * as the token's owner, with the owner's permissions (the domain functions authorize as for the
 * portal) narrowed by the token's scopes (`read`; `write` for anything that changes state).
 * A token is shown once when made; only its SHA-256 is stored, so a database leak yields no
 * usable token. Admin decides who may make tokens (`users.api_access`; admin always may) and can
 * make one for anyone.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { apiTokens, apiTokenScope, users, type ApiToken, type ApiTokenScope } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { userActor } from '@/lib/auth/actor';
import { requireAdmin, requireUser, type Actor, type UserActor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';

const PREFIX = 'rbk_';
const TOKEN_SHAPE = /^rbk_[A-Za-z0-9_-]{43}$/;
/** `last_used_at` is written at most this often per token, not on every call. */
const LAST_USED_GRANULARITY_MS = 60_000;

export const createTokenSchema = z.object({
  name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(80, { error: 'too_long' }),
  scopes: z
    .array(z.enum(apiTokenScope.enumValues, { error: 'invalid_choice' }), { error: 'required' })
    .min(1, { error: 'required' })
    .refine((s) => !s.includes('write') || s.includes('read'), { error: 'invalid_choice' }),
  expiresAt: z.coerce.date({ error: 'invalid_date' }).optional(),
  /** Admin only: make the token for this person instead of oneself. */
  userId: z.uuid({ error: 'invalid_id' }).optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

/** A token as its owner sees it: never the secret. */
export interface ApiTokenView {
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const view = (row: ApiToken): ApiTokenView => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  createdAt: row.createdAt,
});

function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Makes a token; the answer holds the secret, the only time it is ever shown. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<ApiTokenView & { token: string }> {
  const user = requireUser(actor);
  const data = parseInput(createTokenSchema, input);
  const ownerId = data.userId ?? user.id;
  if (ownerId !== user.id) requireAdmin(actor);
  const [owner] = await db.select().from(users).where(eq(users.id, ownerId));
  if (!owner || !owner.active) throw new DomainError('not_found');
  // Admin grants API use; a person without it cannot make tokens for themselves.
  if (ownerId === user.id && user.role !== 'admin' && !owner.apiAccess) throw new DomainError('forbidden');
  if (data.expiresAt && data.expiresAt <= now) {
    throw new DomainError('invalid_input', undefined, { fields: { expiresAt: ['must_be_future'] } });
  }
  const token = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: ownerId,
      name: data.name,
      scopes: [...new Set(data.scopes)],
      expiresAt: data.expiresAt ?? null,
      tokenHash: hashApiToken(token),
      createdBy: user.id,
    })
    .returning();
  return { ...view(row), token };
}

/** Whether the caller may make tokens for themselves (admin, or granted by admin). */
export async function mayUseApi(db: Db, actor: Actor): Promise<boolean> {
  const user = requireUser(actor);
  if (user.role === 'admin') return true;
  const [row] = await db.select({ apiAccess: users.apiAccess }).from(users).where(eq(users.id, user.id));
  return row?.apiAccess ?? false;
}

/** The caller's live tokens (admin: anyone's, by `userId`), newest first. */
export async function listApiTokens(db: Db, actor: Actor, userId?: string, now = new Date()): Promise<ApiTokenView[]> {
  const user = requireUser(actor);
  const ownerId = userId ?? user.id;
  if (ownerId !== user.id) requireAdmin(actor);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, ownerId), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(view);
}

/** Revokes a token at once: its next request is refused. The owner's own, or admin any. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now = new Date()): Promise<void> {
  const user = requireUser(actor);
  if (!isUuid(tokenId)) throw new DomainError('not_found');
  const own = user.role === 'admin' ? [] : [eq(apiTokens.userId, user.id)];
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt), ...own))
    .returning({ id: apiTokens.id });
  if (!row) throw new DomainError('not_found');
}

/**
 * Admin lets a person make API tokens, or stops that (their existing tokens are revoked too).
 * A change is in the audit log.
 */
export async function setApiAccess(db: Db, actor: Actor, userId: string, allowed: boolean, now = new Date()): Promise<void> {
  const admin = requireAdmin(actor);
  if (!isUuid(userId)) throw new DomainError('not_found');
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ apiAccess: users.apiAccess }).from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new DomainError('not_found');
    await tx.update(users).set({ apiAccess: allowed }).where(eq(users.id, userId));
    if (current.apiAccess !== allowed) {
      await recordAudit(tx, admin, { entity: 'user', entityId: userId, verb: 'update', before: { apiAccess: current.apiAccess }, after: { apiAccess: allowed } }, now);
    }
    if (!allowed) {
      await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    }
  });
}

export interface TokenCaller {
  actor: UserActor;
  scopes: readonly ApiTokenScope[];
}

/**
 * The person a bearer token acts for, or `unauthenticated` — the same answer whether the token
 * is malformed, unknown, revoked, expired or its owner switched off, so nothing tells which.
 */
export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<TokenCaller> {
  if (!TOKEN_SHAPE.test(token)) throw new DomainError('unauthenticated');
  const hash = hashApiToken(token);
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    );
  // The look-up is by hash; this comparison keeps the check itself constant-time as well.
  if (!row || !timingSafeEqual(Buffer.from(row.token.tokenHash), Buffer.from(hash))) throw new DomainError('unauthenticated');
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_GRANULARITY_MS))),
      ),
    );
  return { actor: userActor(row.user), scopes: row.token.scopes };
}
