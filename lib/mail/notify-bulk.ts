/**
 * Notifications for many bookings at once, for the set-based jobs: the bookings, their
 * resources and applicants are read in one query, the policy values once, and the outbox rows
 * (with the link tokens they carry) are written in one statement under the same dedupe keys
 * `notify` uses — so a booking told already (by either path) is not told again. Payloads
 * are built by the same functions as `notify`'s.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { anyUuid, chunks, JSON_CHUNK } from '@/db/chunks';
import { bookings, resources, users, type Booking } from '@/db/schema';
import { getSettings } from '@/lib/settings';
import {
  confirmationReminderPayload,
  dedupeKey,
  expiredPayload,
  invitationQueued,
  noShowPayload,
  TEMPLATE,
  visitReminderPayload,
  type Context,
  type Recipient,
} from './notify';
import { enqueueEmails, type OutboxEntry } from './outbox';

/**
 * The kinds that have a bulk path: mails to the applicant built from the booking alone, each
 * with the occasion `notify` gives it (default: the booking's version).
 */
interface BulkSpec {
  build: (ctx: Context, r: Recipient) => Promise<object>;
  occasion?: (b: Booking) => string | undefined;
  /** The mail takes the booking out of the applicant's calendar if an invitation put it there. */
  withdraws?: boolean;
}

const BULK = {
  no_show: { build: noShowPayload, withdraws: true },
  expired: { build: expiredPayload, withdraws: true },
  confirmation_reminder: { build: confirmationReminderPayload, occasion: (b: Booking) => b.confirmDeadline?.toISOString() },
  visit_reminder: { build: visitReminderPayload, occasion: (b: Booking) => b.startAt.toISOString() },
} as const satisfies Record<
  string,
  BulkSpec
>;
export type BulkNotificationKind = keyof typeof BULK;

/**
 * Queues `kind` for each booking; returns how many rows were new. Per slice of bookings, one
 * query reads them with their applicants and whether an invitation went out, one their
 * resources, and one statement writes the mails and their tokens (lib/mail/outbox.ts).
 */
export async function notifyEach(tx: Db, kind: BulkNotificationKind, bookingIds: readonly string[]): Promise<number> {
  if (bookingIds.length === 0) return 0;
  const settings = await getSettings(tx);
  const spec: BulkSpec = BULK[kind];
  let queued = 0;
  for (const ids of chunks(bookingIds, JSON_CHUNK)) {
    const rows = await tx
      .select({
        booking: bookings,
        user: users,
        invited: spec.withdraws ? invitationQueued(bookings.id) : sql<boolean>`false`,
      })
      .from(bookings)
      .leftJoin(users, eq(users.id, bookings.requesterUserId))
      .where(eq(bookings.id, anyUuid(ids)));
    // Each resource once, not once per booking (its texts and checklist are the bulk of a row).
    const resourceIds = [...new Set(rows.map((row) => row.booking.resourceId))];
    const resourceById = new Map((await tx.select().from(resources).where(eq(resources.id, anyUuid(resourceIds)))).map((r) => [r.id, r]));
    const entries: OutboxEntry[] = [];
    for (const { booking, user, invited } of rows) {
      const resource = resourceById.get(booking.resourceId)!;
      const recipient = applicantOf(booking, user);
      if (!recipient) continue;
      const occasion = spec.occasion?.(booking) ?? String(booking.version);
      const ctx: Context = { tx, booking, resource, settings, occasion, invited, tokens: [] };
      entries.push({
        template: TEMPLATE[kind],
        to: recipient.email,
        locale: recipient.locale,
        dedupeKey: dedupeKey(ctx, kind),
        bookingId: booking.id,
        payload: (await spec.build(ctx, recipient)) as Record<string, unknown>,
        tokens: ctx.tokens,
      });
    }
    queued += await enqueueEmails(tx, entries);
  }
  return queued;
}

/** `applicantRecipient` (lib/mail/notify.ts) with the requester's account already joined. */
function applicantOf(booking: Booking, user: { email: string; name: string; locale: Recipient['locale'] } | null): Recipient | undefined {
  if (booking.requesterKind === 'customer') {
    return booking.contactEmail ? { email: booking.contactEmail, name: booking.contactName, locale: booking.locale } : undefined;
  }
  return user ? { email: user.email, name: user.name, locale: user.locale } : undefined;
}
