/**
 * A customer joins the waitlist from the public page when the slot they asked for is taken
 * (they have no account: the entry keeps the name, address and language they gave). Open to
 * the internet like the request itself, so it counts against the same per-address and
 * per-e-mail rate limits. One entry per address and slot: joining again returns it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { waitlistEntries, type Locale, type WaitlistEntry } from '@/db/schema';
import { parseInput } from '@/lib/booking/schemas';
import { countedInput } from '@/lib/customer/rate-limit';
import { publicWaitlistSchema, V } from '@/lib/customer/schemas';
import { waitableResource, waitingEntry } from './entries';

export interface PublicWaitlistOptions {
  /** The client's address (lib/api/client-ip.ts), for the per-address rate limit. */
  ip: string;
  /** The page's language: the customer is written to in it. */
  locale: Locale;
  now?: Date;
}

export async function joinPublicWaitlist(db: Db, input: unknown, opts: PublicWaitlistOptions): Promise<WaitlistEntry> {
  const wanted = await countedInput(db, opts.ip, () => parseInput(publicWaitlistSchema, input));
  const now = opts.now ?? new Date();
  const resource = await waitableResource(db, wanted, now, { customers: true, fieldMessages: { invalidId: V.resource_not_bookable } });

  const [created] = await db
    .insert(waitlistEntries)
    .values({
      resourceId: resource.id,
      contactName: wanted.name,
      contactEmail: wanted.email,
      locale: opts.locale,
      startAt: wanted.startAt,
      endAt: wanted.endAt,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  return waitingEntry(
    db,
    and(
      isNull(waitlistEntries.userId),
      eq(waitlistEntries.contactEmail, wanted.email),
      eq(waitlistEntries.resourceId, resource.id),
      eq(waitlistEntries.startAt, wanted.startAt),
      eq(waitlistEntries.endAt, wanted.endAt),
    ),
  );
}
