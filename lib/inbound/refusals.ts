/**
 * Replies refused because they named a booking without a valid signature: someone wrote to
 * reply+{booking id}@… by hand, or altered a Message-ID. Nothing about the booking changes; each
 * message is kept once (a provider may post it again) and shown to admin on the mail page.
 */
import { count, desc, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import type { Db } from '@/db';
import { bookings, refusedReplies } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export type RefusalReason = 'unsigned' | 'bad_signature';

/** Records the refusal; returns the named booking's id when that booking exists. */
export async function recordRefusedReply(
  db: Db,
  input: { reason: RefusalReason; from: string; mail: ParsedMail; bookingId: string },
): Promise<string | undefined> {
  const [booking] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, input.bookingId));
  await db
    .insert(refusedReplies)
    .values({
      reason: input.reason,
      fromAddress: input.from.slice(0, 320),
      subject: (input.mail.subject ?? '').slice(0, 300),
      messageId: input.mail.messageId?.slice(0, 500) ?? null,
      bookingId: booking?.id ?? null,
    })
    .onConflictDoNothing();
  return booking?.id;
}

export interface RefusedReply {
  id: string;
  reason: RefusalReason;
  from: string;
  subject: string;
  bookingId: string | null;
  reference: string | null;
  receivedAt: Date;
}

export const REFUSED_PAGE_SIZE = 20;

/** Newest first, a page at a time (1-based; a page past the end is answered with the last one). */
export async function listRefusedReplies(
  db: Db,
  actor: Actor,
  query: { page?: number } = {},
): Promise<{ rows: RefusedReply[]; page: number; pageCount: number; total: number }> {
  requireAdmin(actor);
  const [{ total }] = await db.select({ total: count() }).from(refusedReplies);
  const pageCount = Math.max(1, Math.ceil(total / REFUSED_PAGE_SIZE));
  const page = Math.min(Math.max(1, Number.isFinite(query.page) ? Math.trunc(query.page!) : 1), pageCount);
  const rows = await db
    .select({
      id: refusedReplies.id,
      reason: refusedReplies.reason,
      from: refusedReplies.fromAddress,
      subject: refusedReplies.subject,
      bookingId: refusedReplies.bookingId,
      reference: bookings.reference,
      receivedAt: refusedReplies.receivedAt,
    })
    .from(refusedReplies)
    .leftJoin(bookings, eq(bookings.id, refusedReplies.bookingId))
    .orderBy(desc(refusedReplies.receivedAt), desc(refusedReplies.id))
    .limit(REFUSED_PAGE_SIZE)
    .offset((page - 1) * REFUSED_PAGE_SIZE);
  return { rows: rows as RefusedReply[], page, pageCount, total };
}
