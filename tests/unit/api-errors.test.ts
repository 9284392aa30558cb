/**
 * The JSON API's error edge as pure functions: every domain error code → its status and body,
 * zod issues → localized per-field messages, the request body reader's 400/413/415, and the
 * answer language.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_BYTES, readJsonBody } from '@/lib/api/body';
import { API_ERROR_CODES, HttpError, toErrorResponse } from '@/lib/api/errors';
import { acceptedLocale, apiLocale } from '@/lib/api/locale';
import { createBookingBody } from '@/lib/api/schemas';
import { ANONYMOUS, type UserActor } from '@/lib/authz';
import { DomainError, ERROR_HTTP_STATUS, type ErrorCode } from '@/lib/errors';
import { domainErrorMessage } from '@/lib/i18n/error-message';

const quiet = () => {};
const CODES = Object.keys(ERROR_HTTP_STATUS) as ErrorCode[];

describe('domain errors → status and body', () => {
  it.each(CODES)('%s keeps its status and gets a message in each language', (code) => {
    const error = new DomainError(code, 'internal detail', {
      params: { earliest: '2026-12-01', capacity: 40, deadlineText: '2026-11-30 10:00', opensAt: '2026-12-01 09:45', deadline: '2026-12-01 10:15' },
    });
    for (const locale of ['zh', 'en'] as const) {
      const { status, body } = toErrorResponse(error, locale, quiet);
      expect(status).toBe(ERROR_HTTP_STATUS[code]);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBe(domainErrorMessage(error, locale));
      expect(body.error.message).not.toContain('internal detail');
      expect(body.error.fields).toBeUndefined();
      expect(body.error.alternatives).toBeUndefined();
    }
    expect(toErrorResponse(error, 'zh', quiet).body.error.message).not.toBe(toErrorResponse(error, 'en', quiet).body.error.message);
    expect(API_ERROR_CODES).toContain(code);
  });

  it('the statuses the API promises', () => {
    const status = (code: ErrorCode) => toErrorResponse(new DomainError(code), 'en', quiet).status;
    expect(status('unauthenticated')).toBe(401);
    expect(status('forbidden')).toBe(403);
    expect(status('not_found')).toBe(404);
    expect(status('invalid_input')).toBe(422);
    expect(status('slot_taken')).toBe(409);
    expect(status('invalid_transition')).toBe(409);
    expect(status('rate_limited')).toBe(429);
  });

  it('a taken slot carries its alternatives as {resourceId, startAt, endAt}', () => {
    const offered = {
      resourceId: '6f1c1d34-5d2e-4a8e-9a43-0a4c2d1b8e11',
      startAt: '2026-12-01T02:00:00.000Z',
      endAt: '2026-12-01T03:00:00.000Z',
      kind: 'same_resource',
      rank: 1,
    };
    const { status, body } = toErrorResponse(new DomainError('slot_taken', undefined, { alternatives: [offered] }), 'en', quiet);
    expect(status).toBe(409);
    expect(body).toEqual({
      error: {
        code: 'slot_taken',
        message: 'That time is already taken. Please choose another time or resource.',
        alternatives: [{ resourceId: offered.resourceId, startAt: offered.startAt, endAt: offered.endAt }],
      },
    });
  });

  it('message parameters are in the text and in `params`', () => {
    const { body } = toErrorResponse(new DomainError('lead_time', undefined, { params: { earliest: '2026-12-03' } }), 'en', quiet);
    expect(body.error.message).toContain('2026-12-03');
    expect(body.error.params).toEqual({ earliest: '2026-12-03' });
  });

  it('a rate limit says when to come back', () => {
    const { status, headers } = toErrorResponse(
      new DomainError('rate_limited', undefined, { params: { retryAfterSeconds: 41.2 } }),
      'zh',
      quiet,
    );
    expect(status).toBe(429);
    expect(headers['Retry-After']).toBe('42');
  });
});

describe('per-field messages', () => {
  it('field keys become messages in the caller’s language', () => {
    const error = new DomainError('invalid_input', undefined, {
      fields: { purpose: ['required'], endAt: ['end_before_start', 'end_before_start'] },
    });
    expect(toErrorResponse(error, 'zh', quiet).body.error.fields).toEqual({
      purpose: ['此项为必填项。'],
      endAt: ['结束时间必须晚于开始时间。'],
    });
    expect(toErrorResponse(error, 'en', quiet).body.error.fields).toEqual({
      purpose: ['This field is required.'],
      endAt: ['The end must be after the start.'],
    });
  });

  it('a dotted key names its namespace; an unknown one gets a generic message, never the raw text', () => {
    const error = new DomainError('invalid_input', undefined, {
      fields: { a: ['validation.invalid_phone'], b: ['Invalid input: expected string, received number'] },
    });
    const fields = toErrorResponse(error, 'en', quiet).body.error.fields!;
    expect(fields.a[0]).toMatch(/valid phone number/);
    expect(fields.b).toEqual(['This value is not valid.']);
    expect(toErrorResponse(error, 'zh', quiet).body.error.fields!.b).toEqual(['此项的值无效。']);
  });

  it('zod issues from the API schemas → 422 with every wrong field', () => {
    const result = createBookingBody.safeParse({ startAt: '2026-12-01 10:00', endAt: 5, attendees: 0 });
    expect(result.success).toBe(false);
    const { status, body } = toErrorResponse(result.error, 'en', quiet);
    expect(status).toBe(422);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields).toEqual({
      resourceId: ['This field is required.'],
      startAt: ['Please enter a valid date and time.'],
      endAt: ['Please enter a valid date and time.'],
      purpose: ['This field is required.'],
      attendees: ['The number is too small; it must be at least 1.'],
    });
  });

  it('a body that is not an object is reported for the form as a whole', () => {
    const result = createBookingBody.safeParse(['not', 'an', 'object']);
    const { status, body } = toErrorResponse(result.error, 'zh', quiet);
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({ _form: ['此项的值无效。'] });
  });
});

describe('unexpected errors', () => {
  it('→ 500 with a generic message; the details only reach the log', () => {
    const log = vi.fn();
    const boom = new Error('connection to postgres://admin:secret@db failed');
    const { status, body } = toErrorResponse(boom, 'en', log);
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toMatch(/postgres|secret/);
    expect(body.error.message).toMatch(/Something went wrong/);
    expect(log).toHaveBeenCalledWith(boom);
  });

  it('a thrown non-Error is a 500 too', () => {
    expect(toErrorResponse('oops', 'zh', quiet).status).toBe(500);
  });
});

describe('reading the JSON body', () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    new Request('http://localhost/api/v1/bookings', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  const failure = async (request: Request) => {
    try {
      await readJsonBody(request);
    } catch (error) {
      return toErrorResponse(error, 'en', quiet);
    }
    throw new Error('expected the body to be refused');
  };

  it('parses JSON', async () => {
    expect(await readJsonBody(post('{"purpose":"会议"}'))).toEqual({ purpose: '会议' });
    expect(await readJsonBody(post('{"a":1}', { 'content-type': 'application/merge-patch+json; charset=utf-8' }))).toEqual({ a: 1 });
    expect(await readJsonBody(post('{}'))).toEqual({});
  });

  it('an empty body is refused, never read as {}: 415 undeclared, 422 declared JSON', async () => {
    for (const empty of [null, '', '  ']) {
      expect((await failure(post(empty, {}))).status).toBe(415);
      expect((await failure(post(empty, { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(415);
      const declared = await failure(post(empty));
      expect(declared.status).toBe(422);
      expect(declared.body.error.code).toBe('invalid_input');
      expect(declared.body.error.fields?._form).toEqual(['The request body is empty; send a JSON object ({} when there is nothing to send).']);
    }
  });

  it.each(['{"purpose": ', '{purpose: 1}', "{'a':1}", 'undefined', '{"a":1}}'])('malformed JSON %j → 400 invalid_json', async (text) => {
    const { status, body } = await failure(post(text));
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.' });
  });

  it('bytes that are not UTF-8 → 400', async () => {
    expect((await failure(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).status).toBe(400);
  });

  it('more than 64 KB → 413, whether announced by Content-Length or not', async () => {
    const big = JSON.stringify({ purpose: 'x'.repeat(MAX_JSON_BYTES) });
    const announced = await failure(post(big, { 'content-type': 'application/json', 'content-length': String(big.length) }));
    expect(announced.status).toBe(413);
    expect(announced.body.error.code).toBe('payload_too_large');
    expect(announced.body.error.message).toContain('64 KB');

    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    expect((await failure(post(stream))).status).toBe(413);
    // The reader stopped early instead of buffering the whole stream.
    expect(sent).toBeLessThan(8);
  });

  it('exactly 64 KB is still read', async () => {
    const text = JSON.stringify({ p: 'x'.repeat(MAX_JSON_BYTES - 8) });
    expect(text.length).toBe(MAX_JSON_BYTES);
    expect(await readJsonBody(post(text))).toEqual({ p: 'x'.repeat(MAX_JSON_BYTES - 8) });
  });

  it('a body not declared as JSON → 415 (plain HTML forms cannot post here)', async () => {
    const form = await failure(post('purpose=x', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    expect((await failure(post('{"a":1}', { 'content-type': 'text/plain' }))).status).toBe(415);
    expect((await failure(post('{"a":1}', { 'content-type': 'application/jsonp' }))).status).toBe(415);
  });

  it('HttpError codes map to their statuses', () => {
    expect(toErrorResponse(new HttpError('invalid_json'), 'zh', quiet).status).toBe(400);
    expect(toErrorResponse(new HttpError('payload_too_large', { limitKb: 64 }), 'zh', quiet).body.error.message).toContain('64');
    expect(toErrorResponse(new HttpError('unsupported_media_type'), 'zh', quiet).status).toBe(415);
    expect(toErrorResponse(new HttpError('cross_origin'), 'zh', quiet).status).toBe(403);
  });
});

describe('the answer language', () => {
  const user: UserActor = {
    kind: 'user',
    id: '6f1c1d34-5d2e-4a8e-9a43-0a4c2d1b8e11',
    role: 'staff',
    departmentId: null,
    email: 'staff@example.com',
    name: '张销售',
    locale: 'en',
    isDepartmentContact: false,
  };
  const headers = (h: Record<string, string>) => new Headers(h);

  it('Accept-Language: the best supported match by weight', () => {
    expect(acceptedLocale('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(acceptedLocale('fr-FR, zh-Hans;q=0.5, en;q=0.4')).toBe('zh');
    expect(acceptedLocale('en;q=0.2, zh-CN;q=0.9')).toBe('zh');
    expect(acceptedLocale('en;q=0, de')).toBeUndefined();
    expect(acceptedLocale('fr')).toBeUndefined();
    expect(acceptedLocale(null)).toBeUndefined();
  });

  it('?locale=, then the language switch cookie, then the user, then Accept-Language, then 简体中文', () => {
    expect(apiLocale(user, headers({ cookie: 'NEXT_LOCALE=en' }), new URLSearchParams('locale=zh'))).toBe('zh');
    expect(apiLocale(ANONYMOUS, headers({}), new URLSearchParams('locale=en'))).toBe('en');
    expect(apiLocale(user, headers({}), new URLSearchParams('locale=de'))).toBe('en');
    expect(apiLocale(user, headers({ cookie: 'a=1; NEXT_LOCALE=zh', 'accept-language': 'en' }))).toBe('zh');
    expect(apiLocale(user, headers({ 'accept-language': 'zh-CN' }))).toBe('en');
    expect(apiLocale(ANONYMOUS, headers({ 'accept-language': 'en-GB,en;q=0.8' }))).toBe('en');
    expect(apiLocale(ANONYMOUS, headers({ cookie: 'NEXT_LOCALE=fr' }))).toBe('zh');
    expect(apiLocale(ANONYMOUS, headers({}))).toBe('zh');
  });
});

describe('zod', () => {
  it('an ISO instant without an offset is refused (it would be read in the server’s zone)', () => {
    const parsed = z.object({ startAt: createBookingBody.shape.startAt }).safeParse({ startAt: '2026-12-01T10:00:00' });
    expect(parsed.success).toBe(false);
    expect(createBookingBody.shape.startAt.safeParse('2026-12-01T10:00:00+08:00').success).toBe(true);
  });
});
