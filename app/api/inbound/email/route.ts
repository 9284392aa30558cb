/**
 * POST /api/inbound/email — a reply to a booking e-mail, as the raw RFC 822 message.
 *
 * For a mail provider's inbound webhook (raw MIME) or scripts/smtp-inbound.ts. Requires
 * `Authorization: Bearer $INBOUND_EMAIL_SECRET` (503 while the secret is not configured).
 * Body at most 5 MB (413). Answers 200 with `{ outcome, bookingId? }` for every message it could
 * read — an unrecognised or foreign reply is a result, not an error, so providers do not retry.
 */
import { getDb } from '@/db';
import { bearerFailure, checkBearer } from '@/lib/http/bearer';
import { handleInboundEmail } from '@/lib/inbound/handle-reply';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BYTES = 5 * 1024 * 1024;

export async function POST(request: Request): Promise<Response> {
  const check = checkBearer(request, process.env.INBOUND_EMAIL_SECRET);
  if (check !== 'ok') return bearerFailure(check, 'INBOUND_EMAIL_SECRET');

  const body = await readLimited(request, MAX_BYTES);
  if (body === 'too_large') {
    return Response.json({ error: { code: 'too_large', message: 'The message is larger than 5 MB.' } }, { status: 413 });
  }
  if (body.length === 0) {
    return Response.json({ error: { code: 'invalid_input', message: 'The body must be a raw RFC 822 message.' } }, { status: 400 });
  }
  const result = await handleInboundEmail(await getDb(), body);
  return Response.json(result);
}

/** Reads the body, stopping as soon as it passes the limit (a lying Content-Length included). */
async function readLimited(request: Request, limit: number): Promise<Buffer | 'too_large'> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return 'too_large';
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
