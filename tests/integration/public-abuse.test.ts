/**
 * The public API against abuse and bad input, on real PostgreSQL: per-address and per-e-mail
 * rate limits (429 with Retry-After), the cap on open requests, the honeypot, and malformed,
 * mistyped, huge or header-injecting bodies — each a 4xx with a message in the caller's
 * language, never a 500, and nothing stored.
 */
import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as availabilityGET } from '@/app/api/v1/public/availability/route';
import { GET as resourcesGET } from '@/app/api/v1/public/resources/route';
import { bookings, policySettings } from '@/db/schema';
import { PUBLIC_RATE_LIMITS } from '@/lib/customer/rate-limit';
import { API, customerBody, postRequest, uniqueClient, workingDaySlot } from '../helpers/public-api';
import { resourceByCode } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let showroomId: string;
let slot: { startAt: string; endAt: string };

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  showroomId = (await resourceByCode(db(), 'SR-101')).id;
  slot = await workingDaySlot(db(), 9, '14:00', '15:00');
});

const bookingCount = async () => (await db().select({ n: count() }).from(bookings))[0].n;

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: Record<string, string[]>; params?: Record<string, unknown> };
  };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

describe('rate limits', () => {
  it('per address: the request after the limit is a 429 with Retry-After, even a good one', async () => {
    const { ip } = uniqueClient();
    // Refused requests count too: a bot cannot probe for free.
    for (let i = 0; i < PUBLIC_RATE_LIMITS.ip.points; i++) {
      await expectError(await postRequest({ name: 'x' }, { ip }), 422, 'invalid_input');
    }
    const response = await postRequest(customerBody(showroomId, slot, uniqueClient().email), { ip });
    const error = await expectError(response, 429, 'rate_limited');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(error.message).toBe('请求过于频繁，请稍后再试。');
    // Another address is not affected.
    expect((await postRequest(customerBody(showroomId, slot, uniqueClient().email))).status).toBe(201);
  });

  it('per address, clients connecting directly (TRUST_PROXY unset): a made-up X-Forwarded-For buys no new allowance', async () => {
    const { ip } = uniqueClient();
    const madeUp = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` });
    for (let i = 0; i < PUBLIC_RATE_LIMITS.ip.points; i++) {
      await expectError(await postRequest({ name: 'x' }, { ip, headers: madeUp(i) }), 422, 'invalid_input');
    }
    const response = await postRequest(customerBody(showroomId, slot, uniqueClient().email), { ip, headers: madeUp(200) });
    await expectError(response, 429, 'rate_limited');
  });

  it('per e-mail: open requests are capped, then the address is rate-limited', async () => {
    const { email } = uniqueClient();
    const slots = await Promise.all([10, 11, 12, 13, 14, 15].map((d) => workingDaySlot(db(), d, '10:00', '11:00')));
    const statuses: number[] = [];
    const codes: string[] = [];
    for (const s of slots) {
      const response = await postRequest(customerBody(showroomId, s, email));
      statuses.push(response.status);
      codes.push(
        response.status === 201 ? 'created' : ((await response.json()) as { error: { code: string } }).error.code,
      );
    }
    // customer_max_open_requests = 3; the e-mail limit (5 per hour) counts every attempt.
    expect(codes).toEqual(['created', 'created', 'created', 'too_many_open', 'too_many_open', 'rate_limited']);
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    const [{ n }] = await db().select({ n: count() }).from(bookings).where(eq(bookings.contactEmail, email));
    expect(n).toBe(3);
  });

  it('the counters live in PostgreSQL (shared by every app instance), e-mails only as hashes', async () => {
    const rows = await db().execute(sql`select key from rate_limits`);
    const keys = (rows as unknown as { key: string }[]).map((r) => r.key);
    expect(keys.some((k) => k.startsWith('public-ip:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('public-email:'))).toBe(true);
    expect(keys.join(' ')).not.toContain('@');
  });
});

describe('honeypot', () => {
  it('a filled hidden field: 422 without naming a field, nothing stored', async () => {
    const before = await bookingCount();
    const body = { ...customerBody(showroomId, slot, uniqueClient().email), website: 'http://cheap-pills.example' };
    const error = await expectError(await postRequest(body), 422, 'invalid_input');
    expect(error.fields).toBeUndefined();
    expect(await bookingCount()).toBe(before);
  });

  it('an empty hidden field is what people send', async () => {
    const body = {
      ...customerBody(showroomId, await workingDaySlot(db(), 9, '09:00', '10:00'), uniqueClient().email),
      website: '',
    };
    expect((await postRequest(body)).status).toBe(201);
  });
});

describe('bad input: a 4xx with a message, never a 500, nothing stored', () => {
  const good = () => customerBody(showroomId, slot, uniqueClient().email);

  it('malformed JSON → 400', async () => {
    const before = await bookingCount();
    for (const raw of ['{"name": ', '{name: 1}', '\u0000\u0001', '{"a":1}}']) {
      const error = await expectError(await postRequest(raw, { raw: true }), 400, 'invalid_json');
      expect(error.message).toContain('JSON');
    }
    expect(await bookingCount()).toBe(before);
  });

  it('not an object, or not declared JSON → 422 / 415', async () => {
    for (const body of [[1, 2], 'text', 42, null]) {
      const error = await expectError(await postRequest(body), 422, 'invalid_input');
      expect(error.fields?._form?.[0]).toBe('提交的内容格式不正确。');
    }
    await expectError(
      await postRequest('name=x', { raw: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('more than 32 KB → 413', async () => {
    const body = { ...good(), specialNeeds: 'x'.repeat(40 * 1024) };
    await expectError(await postRequest(body), 413, 'payload_too_large');
  });

  it('wrong types → 422 with a message per field, in the caller’s language', async () => {
    const body = {
      resourceId: 7,
      startAt: false,
      endAt: {},
      name: ['a'],
      phone: 138,
      email: true,
      company: 5,
      visitors: 'many',
    };
    const error = await expectError(await postRequest(body, { query: '?locale=en' }), 422, 'invalid_input');
    expect(Object.keys(error.fields!).sort()).toEqual(
      ['company', 'email', 'endAt', 'name', 'phone', 'resourceId', 'startAt', 'visitors'].sort(),
    );
    expect(error.fields!.phone[0]).toContain('country code');
    expect(error.message).toBe('Some of the information is not valid. Please check the marked fields.');
    for (const messages of Object.values(error.fields!)) expect(messages[0]).not.toMatch(/Invalid input|expected/);
  });

  it('huge strings (inside the size limit) → 422 too long', async () => {
    const body = { ...good(), name: '名'.repeat(2000), company: 'c'.repeat(5000), specialNeeds: 's'.repeat(9000) };
    const error = await expectError(
      await postRequest(body, { headers: { 'accept-language': 'en-GB,en;q=0.9' } }),
      422,
      'invalid_input',
    );
    expect(error.fields).toEqual({
      name: ['This is too long. Please shorten it.'],
      company: ['This is too long. Please shorten it.'],
      specialNeeds: ['This is too long. Please shorten it.'],
    });
  });

  it('CR/LF in the e-mail field, or two addresses → 422 on the e-mail field', async () => {
    const before = await bookingCount();
    for (const email of [
      'a@example.com\r\nBcc: everyone@example.com',
      'a@example.com\nb@example.com',
      'a@example.com, b@example.com',
      'a@example.com;b@example.com',
    ]) {
      const error = await expectError(await postRequest({ ...good(), email }), 422, 'invalid_input');
      expect(error.fields).toEqual({ email: ['请输入一个有效的电子邮件地址（只填一个，不要换行、逗号或分号）。'] });
    }
    expect(await bookingCount()).toBe(before);
  });

  it('a time rule: too little notice → 422 with alternatives; a resource customers cannot book → 422', async () => {
    // A notice a little longer than the slot is ahead (the handler runs on the real clock, so the
    // policy moves instead); the alternatives are the nearest slots after it.
    await db()
      .update(policySettings)
      .set({ customerMinNoticeHours: 24 * 16 });
    try {
      const late = (await expectError(await postRequest(good()), 422, 'lead_time')) as { alternatives?: unknown[] };
      expect(late.alternatives?.length).toBeGreaterThan(0);
    } finally {
      await db().update(policySettings).set({ customerMinNoticeHours: 24 });
    }
    const internal = await resourceByCode(db(), 'MR-302');
    const error = await expectError(await postRequest({ ...good(), resourceId: internal.id }), 422, 'invalid_input');
    expect(Object.keys(error.fields!)).toEqual(['resourceId']);
  });
});

describe('public GET routes', () => {
  it('resources: customer-bookable ones and the booking policy', async () => {
    const response = await resourcesGET(new Request(`${API}/resources`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const body = (await response.json()) as { resources: { code: string }[]; policy: Record<string, unknown> };
    expect(body.resources.map((r) => r.code).sort()).toEqual(['MR-301', 'MR-501', 'SR-101', 'SW-B1']);
    expect(body.policy).toEqual({ timeZone: 'Asia/Shanghai', minNoticeHours: 24, horizonDays: 90 });
  });

  it('availability: busy intervals; bad or missing parameters and more than 31 days → 422', async () => {
    const url = (q: Record<string, string>) => new Request(`${API}/availability?${new URLSearchParams(q)}`);
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 31 * 86_400_000).toISOString();
    const ok = await availabilityGET(url({ resourceId: showroomId, from, to }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { busy: unknown[] }).busy.length).toBeGreaterThan(0);

    const tooLong = await availabilityGET(
      url({ resourceId: showroomId, from, to: new Date(Date.now() + 40 * 86_400_000).toISOString() }),
    );
    expect((await expectError(tooLong, 422, 'invalid_input')).fields).toEqual({
      to: ['一次最多可查询 31 天的空闲情况。'],
    });
    const missing = await expectError(await availabilityGET(url({ locale: 'en' })), 422, 'invalid_input');
    expect(Object.keys(missing.fields!).sort()).toEqual(['from', 'resourceId', 'to']);
    expect(missing.fields!.resourceId).toEqual(['This field is required.']);
  });
});
