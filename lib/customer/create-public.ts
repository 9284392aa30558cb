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
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { pgErrorCode, SQLSTATE } from '@/db/errors';
import type { BookingStatus, Locale } from '@/db/schema';
import { parseInput } from '@/lib/booking/schemas';
import { ENDED_STATUSES } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import type { InsertGuard } from '@/lib/booking/create';
import { insertCustomerBooking, loadCustomerRequestContext } from '@/lib/booking/create-customer';
import { countedInput } from './rate-limit';
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
  const request = await countedInput(db, opts.ip, () => {
    if (honeypotFilled(input)) throw new DomainError('invalid_input');
    return parseInput(publicRequestSchema, input);
  });

  const { ctx, resource } = await loadCustomerRequestContext(db, opts.now, request);
  const booking = await insertCustomerBooking(db, ctx, resource, {
    request,
    channel: 'public',
    locale: opts.locale ?? ctx.settings.defaultLocale,
    holdsSlot: true,
    actor: { kind: 'customer' },
    guard: openRequestCap(request.email, ctx.settings.customerMaxOpenRequests, ctx.now),
  }).catch((error: unknown) => {
    if (pgErrorCode(error) !== SQLSTATE.openRequestCap) throw error;
    throw new DomainError('too_many_open', undefined, { params: { max: ctx.settings.customerMaxOpenRequests } });
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
 * place yet, checked by the statement that writes the request (migration 0022): requests from one
 * address are serialized by an advisory lock held until that statement commits, so that
 * simultaneous requests cannot all pass the count. Over the cap: SQLSTATE `openRequestCap`.
 */
function openRequestCap(email: string, max: number, now: Date): InsertGuard {
  return {
    key: 'openRequestCap',
    query: sql`select customer_open_request_cap(${sql.placeholder('capAddress')}, ${sql.placeholder('capAfter')}::timestamptz,
                                                ${sql.placeholder('capEnded')}::booking_status[], ${sql.placeholder('capMax')}::integer)`,
    values: { capAddress: email, capAfter: now.toISOString(), capEnded: `{${ENDED_STATUSES.join(',')}}`, capMax: max },
  };
}
