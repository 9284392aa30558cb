/**
 * Notifications for many bookings at once, for the set-based jobs: the bookings, their
 * resources and applicants are read in one query, the policy values once, and the outbox rows
 * are written in a few multi-row INSERTs under the same dedupe keys `notify` uses — so a booking
 * told already (by either path) is not told again. Payloads are built by the same functions.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, emailOutbox, resources, users } from '@/db/schema';
import { getSettings } from '@/lib/settings';
import { dedupeKey, invitedBookings, noShowPayload, TEMPLATE, type Context, type Recipient } from './notify';

/** The kinds that have a bulk path: mails to the applicant built from the booking alone. */
const BUILDERS = { no_show: noShowPayload } as const;
export type BulkNotificationKind = keyof typeof BUILDERS;

const CHUNK = 500;

/** Queues `kind` for each booking; returns how many rows were new. */
export async function notifyEach(tx: Db, kind: BulkNotificationKind, bookingIds: readonly string[]): Promise<number> {
  const settings = await getSettings(tx);
  let queued = 0;
  for (let i = 0; i < bookingIds.length; i += CHUNK) {
    const ids = bookingIds.slice(i, i + CHUNK);
    const rows = await tx
      .select({ booking: bookings, resource: resources, user: users })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .leftJoin(users, eq(users.id, bookings.requesterUserId))
      .where(inArray(bookings.id, [...ids]));
    const invited = await invitedBookings(tx, ids);
    const contexts = rows.map(({ booking, resource, user }) => {
      const ctx: Context = { tx, booking, resource, settings, occasion: String(booking.version), invited: invited.has(booking.id) };
      const recipient: Recipient | undefined =
        booking.requesterKind === 'customer'
          ? booking.contactEmail
            ? { email: booking.contactEmail, name: booking.contactName, locale: booking.locale }
            : undefined
          : user
            ? { email: user.email, name: user.name, locale: user.locale }
            : undefined;
      return { ctx, recipient, key: dedupeKey(ctx, kind) };
    });
    // Already queued for this occasion: skip before building (customers' links issue tokens).
    const existing = new Set(
      (await tx.select({ key: emailOutbox.dedupeKey }).from(emailOutbox).where(inArray(emailOutbox.dedupeKey, contexts.map((c) => c.key)))).map(
        (r) => r.key,
      ),
    );
    const values = [];
    for (const { ctx, recipient, key } of contexts) {
      if (!recipient || existing.has(key)) continue;
      values.push({
        template: TEMPLATE[kind],
        toAddress: recipient.email,
        locale: recipient.locale,
        dedupeKey: key,
        bookingId: ctx.booking.id,
        payload: (await BUILDERS[kind](ctx, recipient)) as unknown as Record<string, unknown>,
      });
    }
    if (values.length === 0) continue;
    const inserted = await tx.insert(emailOutbox).values(values).onConflictDoNothing({ target: emailOutbox.dedupeKey }).returning({ id: emailOutbox.id });
    queued += inserted.length;
  }
  return queued;
}
