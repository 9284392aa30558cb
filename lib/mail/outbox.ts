/**
 * The e-mail outbox. Domain code writes a row in the same transaction as the change it reports;
 * the outbox job (lib/mail/deliver.ts) renders and sends it later with retries. The unique
 * `dedupe_key` — booking, kind, occasion — makes a second send of the same notice impossible:
 * the INSERT … ON CONFLICT DO NOTHING is the whole check, and the link tokens a mail carries are
 * written only when its row was new, so a notice queued twice issues no token nobody would get.
 */
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { actionTokens, emailOutbox, type Locale } from '@/db/schema';
import type { TokenRow } from '@/lib/tokens';

export interface OutboxEntry {
  template: string;
  to: string;
  locale: Locale;
  dedupeKey: string;
  bookingId?: string | null;
  payload: Record<string, unknown>;
  /** The link tokens whose placeholders the payload carries (lib/tokens.ts `mailToken`). */
  tokens?: readonly TokenRow[];
}

/** Queues every entry whose key is new; returns how many were. */
export async function enqueueEmails(tx: Db, entries: readonly OutboxEntry[]): Promise<number> {
  let queued = 0;
  for (const chunk of chunks(entries)) {
    const inserted = await tx
      .insert(emailOutbox)
      .values(
        chunk.map((entry) => ({
          template: entry.template,
          toAddress: entry.to,
          locale: entry.locale,
          dedupeKey: entry.dedupeKey,
          bookingId: entry.bookingId ?? null,
          payload: entry.payload,
        })),
      )
      .onConflictDoNothing({ target: emailOutbox.dedupeKey })
      .returning({ dedupeKey: emailOutbox.dedupeKey });
    queued += inserted.length;
    const isNew = new Set(inserted.map((row) => row.dedupeKey));
    const tokens = chunk.filter((entry) => isNew.has(entry.dedupeKey)).flatMap((entry) => entry.tokens ?? []);
    for (const slice of chunks(tokens)) await tx.insert(actionTokens).values(slice);
  }
  return queued;
}

/** Returns false when a message with the same key was already queued. */
export async function enqueueEmail(tx: Db, entry: OutboxEntry): Promise<boolean> {
  return (await enqueueEmails(tx, [entry])) > 0;
}

