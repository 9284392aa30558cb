/**
 * A request from the public booking page or `POST /api/v1/public/booking-requests`: an
 * anonymous customer, open to the internet. On top of the booking rules it is bounded by
 * per-address and per-e-mail rate limits, a honeypot, and a cap on open requests per e-mail.
 *
 * The honeypot: the form carries a `website` field hidden from people. A filled one is refused
 * as `invalid_input` *without* naming a field, and nothing is stored. Answering "success"
 * instead would hand a fake reference to the rare person whose browser filled the field, and
 * the API would lie to its clients; the bare 422 tells a bot nothing about which check caught
 * it, and the request still counts against its address's rate limit.
 */
import { and, count, eq, gt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, type BookingStatus, type Locale } from '@/db/schema';
import { loadPolicyContext } from '@/lib/booking/context';
import { parseInput } from '@/lib/booking/schemas';
import { ENDED_STATUSES } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import { insertCustomerBooking } from '@/lib/booking/create-customer';
import { consumeRateLimit } from './rate-limit';
import { publicRequestSchema } from './schemas';

export interface PublicRequestOptions {
  /** The client's address (lib/api/client-ip.ts); the per-address rate limit counts it. */
  ip: string;
  /** The language the customer booked in: their e-mails are written in it. */
  locale?: Locale;
  now?: Date;
}

export interface PublicRequestResult {
  id: string;
  reference: string;
  status: BookingStatus;
}

export async function createPublicRequest(
  db: Db,
  input: unknown,
  opts: PublicRequestOptions,
): Promise<PublicRequestResult> {
  // Counted first: malformed and refused requests use up the address's allowance too.
  await consumeRateLimit(db, 'ip', opts.ip);
  if (honeypotFilled(input)) throw new DomainError('invalid_input');
  const request = parseInput(publicRequestSchema, input);
  await consumeRateLimit(db, 'email', request.email);

  const ctx = await loadPolicyContext(db, opts.now, request);
  const booking = await insertCustomerBooking(db, ctx, {
    request,
    channel: 'public',
    locale: opts.locale ?? ctx.settings.defaultLocale,
    holdsSlot: true,
    actor: { kind: 'customer' },
    before: (tx) => assertOpenRequestCap(tx, request.email, ctx.settings.customerMaxOpenRequests, ctx.now),
  });
  return { id: booking.id, reference: booking.reference, status: booking.status };
}

function honeypotFilled(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || !('website' in input)) return false;
  const { website } = input as { website: unknown };
  return website !== undefined && website !== null && !(typeof website === 'string' && website.trim() === '');
}

/**
 * `customer_max_open_requests` public requests per address that have neither ended nor taken
 * place yet. Requests from one address are serialized by an advisory lock for the rest of the
 * transaction, so that simultaneous requests cannot all pass the count.
 */
async function assertOpenRequestCap(tx: Db, email: string, max: number, now: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`customer-open:${email}`}, 0))`);
  const [{ open }] = await tx
    .select({ open: count() })
    .from(bookings)
    .where(
      and(
        eq(sql`lower(${bookings.contactEmail})`, email),
        eq(bookings.requesterKind, 'customer'),
        eq(bookings.channel, 'public'),
        notInArray(bookings.status, [...ENDED_STATUSES]),
        gt(bookings.endAt, now),
      ),
    );
  if (open >= max) throw new DomainError('too_many_open', undefined, { params: { max } });
}
