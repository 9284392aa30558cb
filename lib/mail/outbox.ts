/**
 * The e-mail outbox. Domain code writes a row in the same transaction as the change it reports;
 * the outbox job (lib/mail/deliver.ts) renders and sends it later with retries. The unique
 * `dedupe_key` — booking, kind, occasion — makes a second send of the same notice impossible:
 * the INSERT … ON CONFLICT DO NOTHING is the whole check, and the link tokens a mail carries are
 * written only when its row was new, so a notice queued twice issues no token nobody would get.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { chunks, JSON_CHUNK } from '@/db/chunks';
import { queryRows } from '@/db/rows';
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

/**
 * Queues every entry whose key is new; returns how many were. One statement per slice: the rows
 * and their tokens travel as two JSON documents (two parameters, whatever the number of mails),
 * and the tokens are written only for the rows the INSERT kept.
 */
export async function enqueueEmails(tx: Db, entries: readonly OutboxEntry[]): Promise<number> {
  let queued = 0;
  for (const slice of chunks(entries, JSON_CHUNK)) {
    const mails = slice.map((entry) => ({
      template: entry.template,
      to_address: entry.to,
      locale: entry.locale,
      dedupe_key: entry.dedupeKey,
      booking_id: entry.bookingId ?? null,
      payload: entry.payload,
    }));
    const tokens = slice.flatMap((entry) =>
      (entry.tokens ?? []).map((token) => ({
        dedupe_key: entry.dedupeKey,
        id: token.id,
        token_hash: token.tokenHash,
        purpose: token.purpose,
        booking_id: token.bookingId,
        expires_at: token.expiresAt.toISOString(),
      })),
    );
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`with queued as (
            insert into ${emailOutbox} (template, to_address, locale, dedupe_key, booking_id, payload)
            select m.template, m.to_address, m.locale::locale, m.dedupe_key, m.booking_id, m.payload
              from jsonb_to_recordset(${JSON.stringify(mails)}::jsonb)
                   as m(template text, to_address text, locale text, dedupe_key text, booking_id uuid, payload jsonb)
            on conflict (dedupe_key) do nothing
            returning dedupe_key
          ), tokens as (
            insert into ${actionTokens} (id, token_hash, purpose, booking_id, expires_at)
            select t.id, t.token_hash, t.purpose::token_purpose, t.booking_id, t.expires_at
              from jsonb_to_recordset(${JSON.stringify(tokens)}::jsonb)
                   as t(dedupe_key text, id uuid, token_hash text, purpose text, booking_id uuid, expires_at timestamptz)
             where t.dedupe_key in (select dedupe_key from queued)
          )
          select count(*)::int as n from queued`,
    );
    queued += n;
  }
  return queued;
}

/** Returns false when a message with the same key was already queued. */
export async function enqueueEmail(tx: Db, entry: OutboxEntry): Promise<boolean> {
  return (await enqueueEmails(tx, [entry])) > 0;
}

