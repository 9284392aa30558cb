/**
 * Issue 12 against the built app over HTTP, as an attacker or a careless client would try it:
 * the open redirect after sign-in (page, sign-in form and Auth.js's own endpoint), a
 * cross-origin form post riding on a real session, instants outside the product's window on
 * the staff, admin, calendar and public routes, and the pages' security headers: the main
 * pages load and work (FullCalendar, next-intl, forms) under the nonce-based CSP with no
 * violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { ApiClient } from './api-client';
import { baseUrl, DESKTOP, launchBrowser, newContext, signIn } from './browser';

const admin = new ApiClient();
const staff = new ApiClient();
let browser: Browser;
let mr302: string;
let showroom: string;

const TIME_ZONE = 'Asia/Shanghai';
const calendar: HolidayCalendar = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
let slotCounter = 0;
/** One hour on a working day five weeks ahead, a fresh hour per call (no other test uses these). */
function nextSlot() {
  const n = slotCounter++;
  const day = addWorkingDays(dayInZone(new Date(), TIME_ZONE), 25 + Math.floor(n / 8), calendar);
  const hour = String(9 + (n % 8)).padStart(2, '0');
  return {
    startAt: zonedInstant(day, `${hour}:00`, TIME_ZONE).toISOString(),
    endAt: zonedInstant(day, `${hour}:59`, TIME_ZONE).toISOString(),
  };
}

beforeAll(async () => {
  await admin.signIn('admin@example.com');
  await staff.signIn('staff@example.com');
  const resources = (await staff.call('GET', '/api/v1/resources')).json.resources as { id: string; code: string }[];
  mr302 = resources.find((r) => r.code === 'MR-302')!.id;
  const publicResources = await fetch(`${baseUrl()}/api/v1/public/resources`).then((r) => r.json());
  showroom = (publicResources.resources as { id: string; code: string }[]).find((r) => r.code === 'SR-101')!.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// The query values as an attacker writes them into a link.
const EVIL_CALLBACKS = {
  tab: '%2F%09%2Fevil.example',
  CR: '%2F%0D%2Fevil.example',
  LF: '%2F%0A%2Fevil.example',
  'U+3000': '%2F%E3%80%80%2Fevil.example',
  backslash: '%2F%5Cevil.example',
  'protocol-relative': '%2F%2Fevil.example',
  scheme: 'https%3A%2F%2Fevil.example%2F',
  'double-encoded tab': '%2F%2509%2Fevil.example',
  'double-encoded slashes': '%252F%252Fevil.example',
};

describe('the open redirect after sign-in', () => {
  it.each(Object.entries(EVIL_CALLBACKS))('/login?callbackUrl=<%s> sends a signed-in admin to /admin, never a 500', async (_name, value) => {
    const res = await admin.call('GET', `/login?callbackUrl=${value}`);
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/admin');
  });

  it.each(Object.entries(EVIL_CALLBACKS))('signed out, /login?callbackUrl=<%s> shows the form without the way back', async (_name, value) => {
    const res = await fetch(`${baseUrl()}/login?callbackUrl=${value}`);
    expect(res.status).toBe(200);
    // The page itself echoes its URL in the router payload; the form must carry no way back.
    expect(await res.text()).not.toContain('name="callbackUrl"');
  });

  it('a plain path on this site is still followed', async () => {
    const res = await admin.call('GET', `/login?callbackUrl=${encodeURIComponent('/bookings?x=1')}`);
    expect(res.headers.get('location')).toBe('/bookings?x=1');
  });

  it("Auth.js's own sign-in endpoint sends a forged callback home", async () => {
    for (const value of Object.values(EVIL_CALLBACKS)) {
      const location = new URL((await new ApiClient().signIn('staff@example.com', decodeURIComponent(value)))!);
      // Auth.js names this server by the host it was reached under (localhost or 127.0.0.1).
      expect({ port: location.port, path: location.pathname, search: location.search }).toEqual({
        port: new URL(baseUrl()).port,
        path: '/',
        search: '',
      });
      expect(location.hostname).not.toContain('evil');
    }
  });

  it('the sign-in form ends on the landing page, not on evil.example', async () => {
    const context = await newContext(browser, DESKTOP, 'en');
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${EVIL_CALLBACKS.tab}`);
    await page.getByLabel(/Email/).fill('admin@example.com');
    await page.getByLabel(/Password/).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(new URL(page.url()).origin).toBe(baseUrl());
    expect(new URL(page.url()).pathname).toBe('/admin');
    await context.close();
  });
});

describe('a cross-origin form post with a real session', () => {
  async function awaitingConfirmation(): Promise<string> {
    const created = await staff.call('POST', '/api/v1/bookings', { resourceId: mr302, ...nextSlot(), purpose: 'CSRF probe', attendees: 2 });
    expect(created.status, created.text).toBe(201);
    const approved = await admin.call('POST', `/api/v1/bookings/${created.json.id}/approve`, { opinion: '同意' });
    expect(approved.json.status).toBe('awaiting_confirmation');
    return created.json.id;
  }

  it.each(['confirm', 'decline'])('%s from evil.example as an empty form post → 403, booking unchanged', async (action) => {
    const id = await awaitingConfirmation();
    const before = (await staff.call('GET', `/api/v1/bookings/${id}`)).json.booking;
    const forged = await staff.call('POST', `/api/v1/bookings/${id}/${action}`, undefined, {
      raw: '',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe('cross_origin');
    const after = (await staff.call('GET', `/api/v1/bookings/${id}`)).json.booking;
    expect({ status: after.status, version: after.version }).toEqual({ status: before.status, version: before.version });

    // The same-origin, JSON form of the request still works.
    const real = await staff.call('POST', `/api/v1/bookings/${id}/${action}`, {});
    expect(real.status, real.text).toBe(200);
  });

  it('an empty JSON post from the app itself is refused too, never read as {}', async () => {
    const id = await awaitingConfirmation();
    const empty = await staff.call('POST', `/api/v1/bookings/${id}/confirm`, undefined, { raw: '' });
    expect(empty.status).toBe(422);
    expect((await staff.call('GET', `/api/v1/bookings/${id}`)).json.booking.status).toBe('awaiting_confirmation');
  });
});

describe('instants outside [2000-01-01, 2100-01-01): 422 with a field message on every route', () => {
  const FAR: [string, string][] = [
    ['0000', '0000-01-01T10:00:00+08:00'],
    ['0001', '0001-01-01T10:00:00+08:00'],
    ['9999', '9999-12-31T10:00:00+08:00'],
    ['275760', '+275760-09-13T00:00:00.000Z'],
  ];
  const q = encodeURIComponent;

  function expectField(res: { status: number; json: { error: { code: string; fields: Record<string, string[]> } } }, field: string) {
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.fields[field][0]).toMatch(/between 2000 and 2099|valid date/);
  }

  it.each(FAR)('year %s: staff and admin booking lists', async (_year, instant) => {
    expectField(await staff.call('GET', `/api/v1/bookings?locale=en&from=${q(instant)}`), 'from');
    expectField(await admin.call('GET', `/api/v1/bookings?locale=en&to=${q(instant)}`), 'to');
  });

  it.each(FAR)('year %s: a staff request and an approval for another time', async (_year, instant) => {
    const slot = nextSlot();
    expectField(await staff.call('POST', '/api/v1/bookings?locale=en', { resourceId: mr302, ...slot, startAt: instant, purpose: 'x' }), 'startAt');
    const created = await staff.call('POST', '/api/v1/bookings', { resourceId: mr302, ...slot, purpose: 'Far-year approval' });
    const approve = await admin.call('POST', `/api/v1/bookings/${created.json.id}/approve?locale=en`, { opinion: 'ok', startAt: instant, endAt: slot.endAt });
    expectField(approve, 'startAt');
    await staff.call('POST', `/api/v1/bookings/${created.json.id}/cancel`, { reason: 'test' });
  });

  it.each(FAR)('year %s: the calendar route', async (year) => {
    const day = year === '275760' ? '275760-09-13' : `${year}-01-01`;
    expectField(await staff.call('GET', `/api/v1/calendar?locale=en&from=${day}&to=2026-12-08`), 'from');
  });

  it.each(FAR)('year %s: public availability and booking requests', async (_year, instant) => {
    const availability = await fetch(`${baseUrl()}/api/v1/public/availability?locale=en&resourceId=${showroom}&from=${q(instant)}&to=${q(nextSlot().endAt)}`);
    expectField({ status: availability.status, json: await availability.json() }, 'from');
    const request = await fetch(`${baseUrl()}/api/v1/public/booking-requests?locale=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${slotCounter++ % 250}` },
      body: JSON.stringify({ resourceId: showroom, ...nextSlot(), startAt: instant, name: 'x', phone: '138 0013 8000', email: 'far@example.com', company: 'x' }),
    });
    expectField({ status: request.status, json: await request.json() }, 'startAt');
  });
});

describe('security headers', () => {
  it('every page: a nonce CSP, no framing, nosniff; the token pages send no referrer; no HSTS over http', async () => {
    const login = await fetch(`${baseUrl()}/login`);
    const csp = login.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(login.headers.get('x-content-type-options')).toBe('nosniff');
    expect(login.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(login.headers.get('strict-transport-security')).toBeNull();
    // The nonce is fresh per request and on the page's own scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await login.text()).toContain(`nonce="${nonce}"`);
    expect((await fetch(`${baseUrl()}/login`)).headers.get('content-security-policy')).not.toContain(nonce);

    const link = await fetch(`${baseUrl()}/r/${'A'.repeat(43)}`);
    expect(link.status).toBe(404);
    expect(link.headers.get('referrer-policy')).toBe('no-referrer');
    expect(link.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('the main pages load and work under the CSP with no violation', async () => {
    const context = await newContext(browser, DESKTOP, 'en');
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|CSP/i.test(message.text())) violations.push(message.text());
    });
    // The public booking page: its free/busy grid comes from the API in the browser.
    await page.goto('/book');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Book a visit or a room');
    await page.getByText('Product Showroom', { exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: /, free$/ }).count()).toBeGreaterThan(0);
    // Signing in (a server action), the portal, the calendar (FullCalendar), the review page.
    await signIn(page, 'admin@example.com');
    for (const path of ['/', '/bookings/new', '/admin/review', '/admin/outbox']) {
      await page.goto(path);
      await page.locator('main').first().waitFor();
    }
    await page.goto('/calendar');
    await expect.poll(() => page.locator('.fc').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.fc-timegrid, .fc-daygrid, .fc-list').count()).toBeGreaterThan(0);
    // next-intl's messages reached the browser: the calendar's own controls are in English.
    await expect.poll(() => page.locator('main').textContent()).toMatch(/[A-Za-z]/);
    expect(violations).toEqual([]);
    await context.close();
  });
});
