/**
 * POST /api/v1/public/booking-requests — a customer's booking request, no account needed.
 *
 * Body (JSON, at most 32 KB): `{resourceId, startAt, endAt, name, phone, email, company,
 * visitors?, specialNeeds?}` with ISO 8601 times including an offset. Answers:
 * - 201 `{reference, status}`; the customer is e-mailed a "manage your booking" link;
 * - 400 malformed JSON, 413 too large, 415 not JSON;
 * - 422 `invalid_input` with per-field messages (or a rule: notice, hours, horizon, duration);
 * - 409 `slot_taken` with ranked `alternatives`;
 * - 429 `rate_limited` (with Retry-After) or `too_many_open`.
 * The client address for the rate limit is the socket's, or with TRUST_PROXY the address our
 * proxies saw — see lib/api/client-ip.ts.
 */
import { clientIp } from '@/lib/api/client-ip';
import { apiRoute } from '@/lib/api/handler';
import { createPublicRequest } from '@/lib/customer/create-public';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 32 * 1024;

export const POST = apiRoute(
  async ({ req, db, locale, json }) => {
    const { reference, status } = await createPublicRequest(db, json, { ip: clientIp(req.headers), locale });
    return Response.json({ reference, status }, { status: 201 });
  },
  { access: 'public', maxBodyBytes: MAX_BODY_BYTES },
);
