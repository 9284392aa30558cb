/**
 * The waitlist: a signed-in user who found a slot taken asks to be told when it frees up
 * (lib/waitlist/notify.ts tells them). Entries belong to their user; admin may remove any.
 * Customers join from the public page (./public.ts).
 */
import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { resources, waitlistEntries, type Resource, type WaitlistEntry } from '@/db/schema';
import { requireUser, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { id, instant, parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';

const MINUTE = 60_000;

export const joinWaitlistSchema = z
  .object({ resourceId: id(), startAt: instant(), endAt: instant() })
  .refine((v) => v.endAt.getTime() > v.startAt.getTime(), { message: 'end_before_start', path: ['endAt'] });

/** Entries still shown to their owner: waiting, or told and not yet removed. */
const LISTED = ['waiting', 'notified'] as const;

/**
 * Joins the waitlist for [startAt, endAt) on a resource. Joining again for the same slot while
 * waiting returns the existing entry (one entry per person and slot).
 */
export async function joinWaitlist(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<WaitlistEntry> {
  const user = requireUser(actor);
  const wanted = parseInput(joinWaitlistSchema, input);
  const resource = await waitableResource(db, wanted, opts.now ?? new Date());

  const values = { resourceId: resource.id, userId: user.id, startAt: wanted.startAt, endAt: wanted.endAt };
  const [created] = await db
    .insert(waitlistEntries)
    .values({ ...values, createdAt: opts.now ?? new Date() })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  return waitingEntry(db, and(eq(waitlistEntries.userId, user.id), eq(waitlistEntries.resourceId, resource.id), eq(waitlistEntries.startAt, wanted.startAt), eq(waitlistEntries.endAt, wanted.endAt)));
}

/**
 * The resource of a wanted slot, if it may be waited for: it exists and is not retired, the
 * slot lies ahead and is not longer than the resource allows. `customers`: only resources
 * customers may book (a refusal names the field, as the public form does).
 */
export async function waitableResource(
  db: Db,
  wanted: { resourceId: string; startAt: Date; endAt: Date },
  now: Date,
  opts: { customers?: boolean; fieldMessages?: { invalidId: string } } = {},
): Promise<Resource> {
  const [resource] = await db.select().from(resources).where(eq(resources.id, wanted.resourceId));
  const invalidId = opts.fieldMessages?.invalidId ?? 'invalid_id';
  if (!resource || (opts.customers && !resource.customerBookable)) {
    throw new DomainError('invalid_input', undefined, { fields: { resourceId: [invalidId] } });
  }
  if (resource.state === 'retired') throw new DomainError('resource_unavailable');
  if (wanted.startAt <= now) throw new DomainError('invalid_input', undefined, { fields: { startAt: ['waitlist.validation.startPast'] } });
  if (wanted.endAt.getTime() - wanted.startAt.getTime() > resource.maxDurationMinutes * MINUTE) throw new DomainError('too_long');
  return resource;
}

/** The entry still waiting that an insert ran into (one per person and slot). */
export async function waitingEntry(db: Db, same: SQL | undefined): Promise<WaitlistEntry> {
  const [existing] = await db
    .select()
    .from(waitlistEntries)
    .where(and(same, eq(waitlistEntries.status, 'waiting')));
  if (!existing) throw new DomainError('invalid_transition');
  return existing;
}

/** The owner (or admin) removes an entry; someone else's entry is `not_found`. */
export async function leaveWaitlist(db: Db, actor: Actor, entryId: string): Promise<void> {
  const user = requireUser(actor);
  if (!isUuid(entryId)) throw new DomainError('not_found');
  const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entryId));
  if (!entry || (entry.userId !== user.id && user.role !== 'admin') || entry.status === 'removed') {
    throw new DomainError('not_found');
  }
  await db
    .update(waitlistEntries)
    .set({ status: 'removed' })
    .where(and(eq(waitlistEntries.id, entryId), inArray(waitlistEntries.status, [...LISTED])));
}

export interface MyWaitlistEntry {
  id: string;
  resourceId: string;
  resourceCode: string;
  resourceNameZh: string;
  resourceNameEn: string;
  startAt: Date;
  endAt: Date;
  status: 'waiting' | 'notified';
  notifiedAt: Date | null;
  createdAt: Date;
}

/** The caller's entries for times not yet over, soonest first. */
export async function listMyWaitlist(db: Db, actor: Actor, opts: { now?: Date } = {}): Promise<MyWaitlistEntry[]> {
  const user = requireUser(actor);
  const now = opts.now ?? new Date();
  const rows = await db
    .select({
      id: waitlistEntries.id,
      resourceId: waitlistEntries.resourceId,
      resourceCode: resources.code,
      resourceNameZh: resources.nameZh,
      resourceNameEn: resources.nameEn,
      startAt: waitlistEntries.startAt,
      endAt: waitlistEntries.endAt,
      status: waitlistEntries.status,
      notifiedAt: waitlistEntries.notifiedAt,
      createdAt: waitlistEntries.createdAt,
    })
    .from(waitlistEntries)
    .innerJoin(resources, eq(resources.id, waitlistEntries.resourceId))
    .where(and(eq(waitlistEntries.userId, user.id), inArray(waitlistEntries.status, [...LISTED]), gt(waitlistEntries.endAt, now)))
    .orderBy(asc(waitlistEntries.startAt));
  return rows as MyWaitlistEntry[];
}
