/**
 * The e-mail outbox. Domain code writes a row in the same transaction as the change it reports;
 * the outbox job (lib/mail/deliver.ts) renders and sends it later with retries. The unique
 * `dedupe_key` — booking, kind, occasion — makes a second send of the same notice impossible:
 * the INSERT … ON CONFLICT DO NOTHING is the whole check, and the link tokens a mail carries are
 * written only when its row was new, so a notice queued twice issues no token nobody would get.
 */
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
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
    const writes = outboxWrites(outboxDocuments(slice));
    const [{ n }] = await queryRows<{ n: number }>(
      tx,
      sql`with queued as (${writes.queued}), tokens as (${writes.tokens}) select count(*)::int as n from queued`,
    );
    queued += n;
  }
  return queued;
}

/** The two JSON documents `outboxWrites` takes: the mails, and the link tokens they carry. */
export function outboxDocuments(entries: readonly OutboxEntry[]): { mails: string; tokens: string } {
  const mails = entries.map((entry) => ({
    template: entry.template,
    to_address: entry.to,
    locale: entry.locale,
    dedupe_key: entry.dedupeKey,
    booking_id: entry.bookingId ?? null,
    payload: entry.payload,
  }));
  const tokens = entries.flatMap((entry) =>
    (entry.tokens ?? []).map((token) => ({
      dedupe_key: entry.dedupeKey,
      id: token.id,
      token_hash: token.tokenHash,
      purpose: token.purpose,
      booking_id: token.bookingId,
      expires_at: token.expiresAt.toISOString(),
    })),
  );
  return { mails: JSON.stringify(mails), tokens: JSON.stringify(tokens) };
}

/**
 * The two data-modifying WITH items that queue the mails of `documents` (values, or placeholders
 * of a prepared statement), for a statement of the caller's — one that also writes the booking
 * the mails are about, say: `queued`, which must be named so and returns the new rows' dedupe
 * keys, and `tokens`, the link tokens of those rows only. `reference`: the WITH item that inserts
 * that booking; its reference, drawn by the database as the row is written, goes into each
 * payload's booking summary (`booking.reference`).
 */
export function outboxWrites(
  documents: Record<'mails' | 'tokens', string | Placeholder>,
  reference?: { cte: string },
): { queued: SQL; tokens: SQL } {
  const source = reference && sql.identifier(reference.cte);
  const payload = source ? sql`jsonb_set(m.payload, '{booking,reference}', to_jsonb(${source}.reference))` : sql`m.payload`;
  return {
    queued: sql`insert into ${emailOutbox} (template, to_address, locale, dedupe_key, booking_id, payload)
            select m.template, m.to_address, m.locale::locale, m.dedupe_key, m.booking_id, ${payload}
              from jsonb_to_recordset(${documents.mails}::jsonb)
                   as m(template text, to_address text, locale text, dedupe_key text, booking_id uuid, payload jsonb)${source ? sql`, ${source}` : sql``}
            on conflict (dedupe_key) do nothing
            returning dedupe_key`,
    tokens: sql`insert into ${actionTokens} (id, token_hash, purpose, booking_id, expires_at)
            select t.id, t.token_hash, t.purpose::token_purpose, t.booking_id, t.expires_at
              from jsonb_to_recordset(${documents.tokens}::jsonb)
                   as t(dedupe_key text, id uuid, token_hash text, purpose text, booking_id uuid, expires_at timestamptz)
             where t.dedupe_key in (select dedupe_key from queued)`,
  };
}

/** Returns false when a message with the same key was already queued. */
export async function enqueueEmail(tx: Db, entry: OutboxEntry): Promise<boolean> {
  return (await enqueueEmails(tx, [entry])) > 0;
}

