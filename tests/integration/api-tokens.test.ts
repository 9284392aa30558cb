/**
 * API access for other systems: personal tokens (made once, stored hashed, scoped, revocable),
 * `Authorization: Bearer` on the /api/v1 routes without the same-origin rule cookies need,
 * `Idempotency-Key` on POSTs and cursor pagination — through the route handlers as Next calls
 * them, on real PostgreSQL (the concurrent requests race for real).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as bookingsGET, POST as bookingsPOST } from '@/app/api/v1/bookings/route';
import { DELETE as tokenDELETE } from '@/app/api/v1/tokens/[id]/route';
import { GET as tokensGET, POST as tokensPOST } from '@/app/api/v1/tokens/route';
import { apiTokens, bookings } from '@/db/schema';
import { createApiToken, setApiAccess } from '@/lib/api-access/tokens';
import { expectDomainError, resourceByCode, useBookingTestDb } from '../helpers/booking-fixtures';
import { workingDaySlot } from '../helpers/public-api';

const { db, handle, actors } = useBookingTestDb();
const BASE = 'http://booking.test/api/v1';
let roomId: string;
let readToken: string;
let writeToken: string;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  roomId = (await resourceByCode(db(), 'MR-302')).id;
  await setApiAccess(db(), actors.admin, actors.staff.id, true);
  readToken = (await createApiToken(db(), actors.staff, { name: 'ERP read', scopes: ['read'] })).token;
  writeToken = (await createApiToken(db(), actors.staff, { name: 'ERP', scopes: ['read', 'write'] })).token;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };

function getBookings(token: string, query = '') {
  return bookingsGET(new Request(`${BASE}/bookings?locale=en${query}`, { headers: bearer(token) }));
}

function postBooking(token: string, body: unknown, headers: Record<string, string> = {}) {
  return bookingsPOST(
    new Request(`${BASE}/bookings?locale=en`, { method: 'POST', headers: { ...bearer(token), ...json, ...headers }, body: JSON.stringify(body) }),
  );
}

async function slotBody(hour: number, purpose: string) {
  const h = String(hour).padStart(2, '0');
  return { resourceId: roomId, ...(await workingDaySlot(db(), 15, `${h}:00`, `${h}:45`)), purpose, attendees: 3, phone: '138 0013 8000' };
}

describe('personal API tokens', () => {
  it('admin decides who may make one; the secret is shown once and only its hash is kept', async () => {
    await expectDomainError(createApiToken(db(), actors.staff2, { name: 'x', scopes: ['read'] }), 'forbidden');
    // Admin may make one for anybody, and for themselves without being granted anything.
    const forStaff2 = await createApiToken(db(), actors.admin, { name: 'for staff2', scopes: ['read'], userId: actors.staff2.id });
    expect(forStaff2.token).toMatch(/^rbk_[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, forStaff2.id));
    expect(row.userId).toBe(actors.staff2.id);
    expect(JSON.stringify(row)).not.toContain(forStaff2.token.slice(4));

    const made = await tokensPOST(
      new Request(`${BASE}/tokens`, { method: 'POST', headers: { ...bearer(writeToken), ...json }, body: '{"name":"Calendar sync","scopes":["read"]}' }),
    );
    expect(made.status).toBe(201);
    const { token, id } = (await made.json()) as { token: string; id: string };
    expect(token).toMatch(/^rbk_/);
    const listed = await tokensGET(new Request(`${BASE}/tokens`, { headers: bearer(readToken) }));
    const body = (await listed.json()) as { tokens: { id: string; name: string; lastUsedAt: string | null }[]; nextCursor: null };
    expect(body.tokens.map((t) => t.name)).toEqual(['Calendar sync', 'ERP', 'ERP read']);
    expect(JSON.stringify(body)).not.toContain('rbk_');
    // The read token was just used: its last use is recorded.
    expect(body.tokens.find((t) => t.name === 'ERP read')?.lastUsedAt).not.toBeNull();
    expect(body.tokens.find((t) => t.id === id)?.lastUsedAt).toBeNull();
  });

  it('a bearer request needs no Origin; read scope reads, only write scope changes', async () => {
    expect((await getBookings(readToken)).status).toBe(200);
    const refused = await postBooking(readToken, await slotBody(9, 'read only'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('scope_missing');
    expect(await db().select().from(bookings).where(eq(bookings.purpose, 'read only'))).toHaveLength(0);

    const created = await postBooking(writeToken, await slotBody(9, 'by token'));
    expect(created.status).toBe(201);
    const booking = (await created.json()) as { id: string; requester: { id: string } | null };
    const [row] = await db().select().from(bookings).where(eq(bookings.id, booking.id));
    // The token acts as its owner.
    expect(row.requesterUserId).toBe(actors.staff.id);
  });

  it('a wrong, revoked or expired token and a revoked owner are all the same 401', async () => {
    const revoked = await createApiToken(db(), actors.staff, { name: 'to revoke', scopes: ['read'] });
    expect((await getBookings(revoked.token)).status).toBe(200);
    const del = await tokenDELETE(
      new Request(`${BASE}/tokens/${revoked.id}`, { method: 'DELETE', headers: { ...bearer(writeToken), ...json }, body: '{}' }),
      { params: Promise.resolve({ id: revoked.id }) },
    );
    expect(del.status).toBe(204);
    const expired = await createApiToken(db(), actors.staff, { name: 'old', scopes: ['read'] });
    await db().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expired.id));
    const other = await createApiToken(db(), actors.admin, { name: 'staff2', scopes: ['read'], userId: actors.staff2.id });

    const answers = [];
    for (const token of [revoked.token, expired.token, `${readToken.slice(0, -1)}x`, 'not-a-token']) {
      const response = await getBookings(token);
      answers.push([response.status, await response.text()]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0][0]).toBe(401);
    // Taking away API access revokes the person's tokens.
    expect((await getBookings(other.token)).status).toBe(200);
    await setApiAccess(db(), actors.admin, actors.staff2.id, false);
    expect((await getBookings(other.token)).status).toBe(401);
    // Someone else's token cannot be revoked by staff: it does not exist for them.
    const admins = await createApiToken(db(), actors.admin, { name: 'admin', scopes: ['read'] });
    const foreign = await tokenDELETE(
      new Request(`${BASE}/tokens/${admins.id}`, { method: 'DELETE', headers: { ...bearer(writeToken), ...json }, body: '{}' }),
      { params: Promise.resolve({ id: admins.id }) },
    );
    expect(foreign.status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('10 concurrent POSTs with one key → one booking, ten identical answers', async () => {
    const body = await slotBody(11, 'idempotent');
    const responses = await Promise.all(Array.from({ length: 10 }, () => postBooking(writeToken, body, { 'idempotency-key': 'erp-order-4711' })));
    const answers = await Promise.all(responses.map(async (r) => [r.status, r.headers.get('location'), await r.text()]));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0][0]).toBe(201);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await db().select().from(bookings).where(eq(bookings.purpose, 'idempotent'))).toHaveLength(1);

    // Later, the same key and body: the first answer again; another body: 422.
    const again = await postBooking(writeToken, body, { 'idempotency-key': 'erp-order-4711' });
    expect([again.status, await again.text()]).toEqual([answers[0][0], answers[0][2]]);
    const changed = await postBooking(writeToken, { ...body, purpose: 'other' }, { 'idempotency-key': 'erp-order-4711' });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBe('idempotency_mismatch');
    expect(await db().select().from(bookings).where(eq(bookings.purpose, 'other'))).toHaveLength(0);
  });

  it('keys are per user, a failed answer is replayed too, and a malformed key is refused', async () => {
    const body = await slotBody(11, 'idempotent');
    // The slot is taken by the booking above: 409, and the same key replays the 409.
    const adminToken = (await createApiToken(db(), actors.admin, { name: 'admin write', scopes: ['read', 'write'] })).token;
    const taken = await postBooking(adminToken, body, { 'idempotency-key': 'erp-order-4711' });
    expect(taken.status).toBe(409);
    const replay = await postBooking(adminToken, body, { 'idempotency-key': 'erp-order-4711' });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const bad = await postBooking(writeToken, body, { 'idempotency-key': 'k'.repeat(256) });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_invalid');
  });
});

describe('cursor pagination', () => {
  it('walks every booking page by page; limit over 200 and a forged cursor are 422', async () => {
    for (const hour of [13, 14, 15, 16]) expect((await postBooking(writeToken, await slotBody(hour, `page ${hour}`))).status).toBe(201);
    const all = await db().select({ id: bookings.id }).from(bookings).where(and(eq(bookings.requesterUserId, actors.staff.id)));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await getBookings(readToken, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { bookings: { id: string; startAt: string }[]; nextCursor: string | null };
      expect(page.bookings.length).toBeLessThanOrEqual(2);
      seen.push(...page.bookings.map((b) => b.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.sort()).toEqual(all.map((b) => b.id).sort());
    expect(pages).toBe(Math.ceil(all.length / 2));

    const tooMany = await getBookings(readToken, '&limit=201');
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { error: { fields: Record<string, string[]> } }).error.fields.limit).toEqual([
      'At most 200 items can be asked for at once.',
    ]);
    const forged = await getBookings(readToken, '&cursor=bm90IGEgY3Vyc29y');
    expect(forged.status).toBe(422);
  });
});
