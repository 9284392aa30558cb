/**
 * The e-mail outbox. Domain code writes a row in the same transaction as the change it reports;
 * the outbox job (lib/mail/deliver.ts) renders and sends it later with retries. The unique
 * `dedupe_key` — booking, kind, occasion — makes a second send of the same notice impossible.
 */
import type { Db } from '@/db';
import { emailOutbox, type Locale } from '@/db/schema';

export interface OutboxEntry {
  template: string;
  to: string;
  locale: Locale;
  dedupeKey: string;
  bookingId?: string | null;
  payload: Record<string, unknown>;
}

/** Returns false when a message with the same key was already queued. */
export async function enqueueEmail(tx: Db, entry: OutboxEntry): Promise<boolean> {
  const inserted = await tx
    .insert(emailOutbox)
    .values({
      template: entry.template,
      toAddress: entry.to,
      locale: entry.locale,
      dedupeKey: entry.dedupeKey,
      bookingId: entry.bookingId ?? null,
      payload: entry.payload,
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return inserted.length > 0;
}
