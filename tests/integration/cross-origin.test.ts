/**
 * A form or script on another site posting to the JSON API with a signed-in user's cookie
 * (issue: an empty form-encoded body used to be read as `{}` and confirmed the booking). The
 * route handlers are called as Next calls them; the refusal comes before the session is read,
 * so the booking, its history and its mails stay exactly as they were. The same attack with a
 * real session against the built app is in tests/e2e/security.e2e.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as bookingActionPOST } from '@/app/api/v1/bookings/[id]/[action]/route';
import { POST as bookingsPOST } from '@/app/api/v1/bookings/route';
import type { Booking } from '@/db/schema';
import { resourceByCode, seedBooking, slot, snapshot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
let approved: Booking;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  const room = await resourceByCode(db(), 'MR-302');
  approved = await seedBooking(db(), {
    resourceId: room.id,
    ...slot('2030-03-12', '10:00', '11:00'),
    status: 'awaiting_confirmation',
    requester: actors.staff,
    approvedAt: new Date(),
    confirmDeadline: new Date(Date.now() + 86_400_000),
  });
});

const COOKIE = { cookie: 'authjs.session-token=eyJhbGciOiJkaXIi.stolen-by-the-browser' };

function post(action: string, headers: Record<string, string>, body?: string) {
  return bookingActionPOST(
    new Request(`http://booking.test/api/v1/bookings/${approved.id}/${action}?locale=en`, { method: 'POST', headers, body }),
    { params: Promise.resolve({ id: approved.id, action }) },
  );
}

describe('a cross-origin post riding on the session cookie', () => {
  it.each(['confirm', 'decline'])('%s as an empty form post from another site → 403, booking unchanged', async (action) => {
    const before = await snapshot(db(), approved.id);
    const response = await post(action, {
      ...COOKIE,
      origin: 'https://evil.example',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('cross_origin');
    expect(error.message).toContain("did not come from this site's own pages");
    expect(await snapshot(db(), approved.id)).toEqual(before);
  });

  it.each([
    ['a JSON post from another site', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{}'],
    ['an opaque origin', { origin: 'null', 'content-type': 'text/plain' }, '{}'],
    ['a cross-site fetch that sent no Origin', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{}'],
    ['a request with neither Origin nor Sec-Fetch-Site', { 'content-type': 'application/json' }, '{}'],
  ])('confirm by %s → 403, booking unchanged', async (_name, headers, body) => {
    const before = await snapshot(db(), approved.id);
    expect((await post('confirm', { ...COOKIE, ...headers }, body)).status).toBe(403);
    expect(await snapshot(db(), approved.id)).toEqual(before);
  });

  it('creating a booking from another site → 403', async () => {
    const response = await bookingsPOST(
      new Request('http://booking.test/api/v1/bookings', {
        method: 'POST',
        headers: { ...COOKIE, origin: 'https://evil.example', 'content-type': 'text/plain' },
        body: '{"purpose":"x"}',
      }),
    );
    expect(response.status).toBe(403);
  });
});
