/**
 * Reading a JSON request body safely: bounded in size (a lying or missing Content-Length
 * included), JSON only, and every failure a typed 4xx instead of an exception from deep inside
 * the runtime.
 */
import { HttpError } from './errors';

/** Enough for any form of the product many times over; anything larger is not a booking. */
export const MAX_JSON_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * The parsed body; an empty body reads as `{}` so that actions without fields (confirm) need
 * none. A non-empty body must be declared JSON: besides being honest, that keeps plain HTML
 * forms on other sites from posting here (they cannot send `application/json`).
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readText(request, limit);
  if (text.trim() === '') return {};
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) throw new HttpError('unsupported_media_type');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError('invalid_json');
  }
}

/** Reads the body as UTF-8, stopping as soon as it passes the limit. */
async function readText(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new HttpError('payload_too_large', { limitKb: Math.floor(limit / 1024) });
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError('invalid_json');
  }
}
