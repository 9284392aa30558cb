/**
 * The status line of the e-mail link pages and the survey link (lib/http/link-status.ts, called
 * by proxy.ts): an open link 200, a used or expired one 410, an unknown one 404 — for GET and
 * HEAD; the buttons' POSTs pass untouched; other paths are not its business.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionTokens, surveys } from '@/db/schema';
import { linkPageStatus } from '@/lib/http/link-status';
import { hashToken, issueToken, tokenOf } from '@/lib/tokens';
import { NOW, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();

beforeAll(() => {
  // linkPageStatus opens the app's database: point it at this file's test database.
  process.env.DATABASE_URL = handle().url;
});

const DAY = 86_400_000;
let hour = 8;

async function token(purpose: 'respond' | 'manage', customer = true): Promise<string> {
  const room = await resourceByCode(db(), 'MR-302');
  const booking = await seedBooking(db(), {
    resourceId: room.id,
    requester: customer ? undefined : actors.staff,
    // Each on its own hour: the bookings hold their slots.
    ...slot('2030-05-06', `${String(hour).padStart(2, '0')}:00`, `${String(hour++).padStart(2, '0')}:30`),
    status: 'awaiting_confirmation',
    approvedAt: NOW,
  });
  // Expiry from the real clock: the proxy asks about "now".
  return issueToken(db(), { bookingId: booking.id, purpose, expiresAt: new Date(Date.now() + DAY) });
}

const status = async (path: string, method = 'GET') => {
  const response = await linkPageStatus(new NextRequest(`http://booking.test${path}`, { method }));
  return response && { status: response.status, passes: response.headers.get('x-middleware-next') === '1' };
};

describe('link page status', () => {
  it('an open link: 200, for GET and HEAD, on both addresses', async () => {
    const respond = await token('respond', false);
    const manage = await token('manage');
    for (const method of ['GET', 'HEAD']) {
      expect(await status(`/r/${respond}`, method)).toEqual({ status: 200, passes: true });
      expect(await status(`/m/${manage}?done=confirmed`, method)).toEqual({ status: 200, passes: true });
      // Either address opens either link: the page decides what it may do.
      expect(await status(`/m/${respond}`, method)).toEqual({ status: 200, passes: true });
    }
  });

  it('a used or expired link: 410 with the page; an unknown one: 404 with the page', async () => {
    const used = await token('respond');
    await db().update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.tokenHash, hashToken(used)));
    const expired = await token('manage');
    await db().update(actionTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(actionTokens.tokenHash, hashToken(expired)));
    const staffManage = await token('manage', false);
    for (const method of ['GET', 'HEAD']) {
      expect(await status(`/r/${used}`, method)).toEqual({ status: 410, passes: true });
      expect(await status(`/m/${expired}`, method)).toEqual({ status: 410, passes: true });
      expect(await status(`/r/${'A'.repeat(43)}`, method)).toEqual({ status: 404, passes: true });
      expect(await status('/m/not-a-token', method)).toEqual({ status: 404, passes: true });
      expect(await status('/r/%E0%A4%A', method)).toEqual({ status: 404, passes: true });
      // A manage token for a staff booking is no link (staff use the portal).
      expect(await status(`/m/${staffManage}`, method)).toEqual({ status: 404, passes: true });
    }
  });

  it('the survey link: open 200, answered or expired 410, unknown 404', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const survey = async (change: Partial<typeof surveys.$inferInsert>) => {
      const booking = await seedBooking(db(), { resourceId: room.id, ...slot('2030-05-07', '09:00', '10:00'), status: 'completed' });
      const id = randomUUID();
      await db().insert(surveys).values({ id, bookingId: booking.id, tokenHash: hashToken(tokenOf(id)), expiresAt: new Date(Date.now() + DAY), ...change });
      return tokenOf(id);
    };
    const open = await survey({});
    const answered = await survey({ answeredAt: new Date(), overall: 3, condition: 3, service: 3, mayContact: false });
    const expired = await survey({ expiresAt: new Date(Date.now() - 1000) });
    for (const method of ['GET', 'HEAD']) {
      expect(await status(`/s/${open}`, method)).toEqual({ status: 200, passes: true });
      expect(await status(`/s/${answered}?done=1`, method)).toEqual({ status: 410, passes: true });
      expect(await status(`/s/${expired}`, method)).toEqual({ status: 410, passes: true });
      expect(await status(`/s/${'A'.repeat(43)}`, method)).toEqual({ status: 404, passes: true });
    }
  });

  it("the buttons' POSTs pass untouched; other paths are not the link pages'", async () => {
    const used = await token('respond');
    await db().update(actionTokens).set({ usedAt: new Date() }).where(eq(actionTokens.tokenHash, hashToken(used)));
    expect(await status(`/r/${used}`, 'POST')).toEqual({ status: 200, passes: true });
    expect(await status('/bookings/new')).toBeUndefined();
    expect(await status(`/r/${used}/more`)).toBeUndefined();
  });
});
