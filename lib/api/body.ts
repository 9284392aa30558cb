/**
 * Reading a JSON request body safely: bounded in size (a lying or missing Content-Length
 * included), JSON only, and every failure a typed 4xx instead of an exception from deep inside
 * the runtime.
 */
import { DomainError } from '@/lib/errors';
import { HttpError } from './errors';

/** Enough for any form of the product many times over; anything larger is not a booking. */
export const MAX_JSON_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * The parsed body of a state-changing request. It must be declared JSON and hold a JSON value —
 * `{}` for actions without fields (confirm): an HTML form on another site can send neither
 * `application/json` nor a JSON body without the browser asking this site first, so an empty or
 * form-encoded body is refused (415 or 422), never read as `{}`.
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) throw new HttpError('unsupported_media_type');
  const text = await readText(request, limit);
  if (text.trim() === '') {
    throw new DomainError('invalid_input', undefined, { fields: { _form: ['api.emptyBody'] } });
  }
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
