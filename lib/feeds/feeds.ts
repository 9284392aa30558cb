/**
 * Subscribable calendar feeds (product: "calendars beyond e-mail"): every user has a personal
 * feed of their own bookings, and staff and admin one per resource (busy times). Each lives at a
 * secret URL, /api/v1/feeds/{token}.ics, that a calendar app polls without a session. The token
 * is the MAC of its row's id (lib/signing.ts), so the URL can be shown again at any time while
 * only its hash is stored; regenerating replaces the row, and the old URL stops working at once.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { calendarFeeds, resources, users, type FeedKind } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { requireRole, requireUser, type Actor, type UserActor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { listResources } from '@/lib/booking/queries';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { absoluteUrl } from '@/lib/mail/config';
import { mac } from '@/lib/signing';
import { hashToken, isTokenShaped } from '@/lib/tokens';

/** Who may subscribe to a resource's busy times. */
const RESOURCE_FEED_ROLES = ['staff', 'admin'] as const;

export interface FeedRow {
  id: string;
  kind: FeedKind;
  resourceId: string | null;
  etag: string | null;
  changedAt: Date;
}

const tokenOf = (id: string) => mac('feed-token', id);
export const feedUrl = (id: string) => absoluteUrl(`/api/v1/feeds/${tokenOf(id)}.ics`);

export const regenerateFeedSchema = z
  .object({
    kind: z.enum(['personal', 'resource'], { error: 'invalid_choice' }),
    resourceId: z.uuid({ error: 'invalid_id' }).optional(),
  })
  .refine((f) => (f.kind === 'resource') === (f.resourceId !== undefined), { error: 'required', path: ['resourceId'] });

export interface MyFeeds {
  personal: { url: string };
  /** Staff and admin: one per resource in service. */
  resources: { resourceId: string; url: string }[];
}

const ownerOf = (userId: string, kind: FeedKind, resourceId: string | null) =>
  and(
    eq(calendarFeeds.userId, userId),
    eq(calendarFeeds.kind, kind),
    resourceId === null ? isNull(calendarFeeds.resourceId) : eq(calendarFeeds.resourceId, resourceId),
  );

/** New rows for the feeds the user has none for yet (two requests at once make one each). */
async function ensureFeeds(db: Db, userId: string, wanted: { kind: FeedKind; resourceId: string | null }[]) {
  if (wanted.length === 0) return;
  const rows = wanted.map((w) => {
    const id = randomUUID();
    return { id, userId, kind: w.kind, resourceId: w.resourceId, tokenHash: hashToken(tokenOf(id)) };
  });
  await db.insert(calendarFeeds).values(rows).onConflictDoNothing();
}

/** The caller's feed URLs, made on first use. */
export async function listMyFeeds(db: Db, actor: Actor): Promise<MyFeeds> {
  const user = requireUser(actor);
  const resourceIds = (RESOURCE_FEED_ROLES as readonly string[]).includes(user.role) ? (await listResources(db)).map((r) => r.id) : [];
  const existing = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
  const key = (kind: FeedKind, resourceId: string | null) => `${kind}:${resourceId ?? ''}`;
  const have = new Set(existing.map((f) => key(f.kind, f.resourceId)));
  const wanted = [{ kind: 'personal' as const, resourceId: null }, ...resourceIds.map((id) => ({ kind: 'resource' as const, resourceId: id }))];
  const missing = wanted.filter((w) => !have.has(key(w.kind, w.resourceId)));
  await ensureFeeds(db, user.id, missing);
  const rows = missing.length > 0 ? await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id)) : existing;
  const byKey = new Map(rows.map((f) => [key(f.kind, f.resourceId), f.id]));
  return {
    personal: { url: feedUrl(byKey.get(key('personal', null))!) },
    resources: resourceIds.map((id) => ({ resourceId: id, url: feedUrl(byKey.get(key('resource', id))!) })),
  };
}

/** The URL of one of the caller's feeds (a resource's: staff and admin), made on first use. */
export async function myFeedUrl(db: Db, actor: Actor, kind: FeedKind, resourceId: string | null = null): Promise<string> {
  const user = kind === 'resource' ? requireRole(actor, ...RESOURCE_FEED_ROLES) : requireUser(actor);
  if (kind === 'resource' && !isUuid(resourceId ?? '')) throw new DomainError('not_found');
  const find = () => db.select({ id: calendarFeeds.id }).from(calendarFeeds).where(ownerOf(user.id, kind, resourceId));
  let [row] = await find();
  if (!row) {
    await ensureFeeds(db, user.id, [{ kind, resourceId }]);
    [row] = await find();
  }
  return feedUrl(row.id);
}

/** A new URL for one of the caller's feeds; the old one answers 404 from now on. */
export async function regenerateFeed(db: Db, actor: Actor, input: unknown): Promise<{ url: string }> {
  const user = requireUser(actor);
  const { kind, resourceId = null } = parseInput(regenerateFeedSchema, input);
  if (kind === 'resource') {
    requireRole(actor, ...RESOURCE_FEED_ROLES);
    const [resource] = await db.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId!));
    if (!resource) throw new DomainError('not_found');
  }
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(ownerOf(user.id, kind, resourceId));
    await tx.insert(calendarFeeds).values({ id, userId: user.id, kind, resourceId, tokenHash: hashToken(tokenOf(id)) });
  });
  return { url: feedUrl(id) };
}

/**
 * The feed a token opens, with its owner as they are now: `not_found` for a wrong or replaced
 * token, an owner switched off, or a resource feed whose owner may no longer see busy times —
 * one answer for all, so the URL says nothing about which.
 */
export async function resolveFeedToken(db: Db, token: string): Promise<{ feed: FeedRow; owner: UserActor }> {
  if (!isTokenShaped(token)) throw new DomainError('not_found');
  const hash = hashToken(token);
  const [row] = await db
    .select({ feed: calendarFeeds, user: users })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hash));
  if (!row || !timingSafeEqual(Buffer.from(row.feed.tokenHash), Buffer.from(hash)) || !row.user.active) {
    throw new DomainError('not_found');
  }
  const owner = userActor(row.user);
  if (row.feed.kind === 'resource' && !(RESOURCE_FEED_ROLES as readonly string[]).includes(owner.role)) {
    throw new DomainError('not_found');
  }
  return { feed: row.feed, owner };
}

/** Records the content's new ETag; the answer is when the content last changed. */
export async function noteFeedEtag(db: Db, feed: FeedRow, etag: string, now = new Date()): Promise<Date> {
  if (feed.etag === etag) return feed.changedAt;
  await db.update(calendarFeeds).set({ etag, changedAt: now }).where(eq(calendarFeeds.id, feed.id));
  return now;
}

