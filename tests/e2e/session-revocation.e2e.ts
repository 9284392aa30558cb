/**
 * Signing out ends the session everywhere: a session cookie copied before the sign-out (another
 * tab, a stolen copy) no longer opens a page, runs a server action or calls the JSON API — the
 * check is in the domain layer's actor resolution, not in the cookie.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { baseUrl, launchBrowser, newContext, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const api = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl()}${path}`, {
    ...init,
    redirect: 'manual',
    // A cookie-borne request must come from the app's own origin (lib/api/same-origin.ts).
    headers: { cookie, origin: baseUrl(), 'content-type': 'application/json', ...init.headers },
  });

/** One hour on MR-302, far enough ahead to clash with no other test. */
function farSlot(): { startAt: string; endAt: string } {
  const calendar: HolidayCalendar = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
  const day = addWorkingDays(dayInZone(new Date(), 'Asia/Shanghai'), 45, calendar);
  return {
    startAt: zonedInstant(day, '14:00', 'Asia/Shanghai').toISOString(),
    endAt: zonedInstant(day, '15:00', 'Asia/Shanghai').toISOString(),
  };
}

describe('a session cookie copied before sign-out', () => {
  it('no longer works on a page, in a server action or on the API', async () => {
    const owner = await newContext(browser);
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, 'staff@example.com');
    const cookies = await owner.cookies();
    expect(cookies.some((c) => c.name === 'authjs.session-token')).toBe(true);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');

    // The copy works while the session lives: it makes a booking to act on.
    const resources = await (await api(cookie, '/api/v1/resources')).json();
    const mr302 = resources.resources.find((r: { code: string }) => r.code === 'MR-302').id;
    const created = await api(cookie, '/api/v1/bookings', {
      method: 'POST',
      body: JSON.stringify({ resourceId: mr302, ...farSlot(), purpose: 'Session revocation', attendees: 2 }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const booking = (await created.json()) as { id: string; status: string };

    // Another browser holding the copied cookie opens the booking page, with its cancel form.
    const thief = await newContext(browser);
    await thief.addCookies(cookies);
    const stalePage = await thief.newPage();
    await stalePage.goto(`/bookings/${booking.id}`);
    await expect.poll(() => stalePage.getByRole('button', { name: '取消预约' }).count()).toBeGreaterThan(0);

    // The owner signs out.
    await ownerPage.getByRole('button', { name: '退出登录' }).first().click();
    await ownerPage.waitForURL((url) => url.pathname === '/login');

    // The API refuses the copy.
    const list = await api(cookie, '/api/v1/bookings');
    expect(list.status).toBe(401);
    expect((await list.json()).error.code).toBe('unauthenticated');

    // The server action behind the page opened before the sign-out refuses it too.
    await stalePage.getByRole('button', { name: '取消预约' }).click();
    await stalePage.getByLabel(/取消原因/).fill('不再需要');
    await stalePage.getByRole('dialog').getByRole('button', { name: '确定取消' }).click();
    await expect.poll(() => stalePage.getByText('请先登录。').count()).toBeGreaterThan(0);

    // A page sends the copy to the sign-in page.
    const page = await api(cookie, `/bookings/${booking.id}`);
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/login');

    // Nothing changed: signed in again, the booking is still pending.
    const fresh = await newContext(browser);
    const freshPage = await fresh.newPage();
    await signIn(freshPage, 'staff@example.com');
    const freshCookie = (await fresh.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const after = await (await api(freshCookie, `/api/v1/bookings/${booking.id}`)).json();
    expect(after.booking.status).toBe('pending');
    await Promise.all([owner.close(), thief.close(), fresh.close()]);
  });
});
