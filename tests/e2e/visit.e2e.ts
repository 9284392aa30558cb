/**
 * The visit in the browser, at a phone's width: a member of staff opens the door page of
 * MR-302 (as the QR code on the door leads them), signs in, checks in with one tap, and checks
 * out on the booking page with the return checklist — one item left undone with a word why.
 *
 * Check-in only opens 15 minutes before a booking starts, and the rooms are bookable in
 * daytime only, so the shared test server (whose clock is the real one) cannot have a booking
 * starting now. This file runs its own server over a PostgreSQL database of its own, where the
 * booking starting in five minutes is put straight in as the state the test starts from.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type DbHandle } from '@/db';
import { bookings, resources, users } from '@/db/schema';
import { seedDemoData } from '@/lib/demo/seed';
import { adminUrl, databaseUrl } from '../helpers/db-names';
import { freePort, startBuiltApp, type RunningApp } from '../helpers/app-server';
import { launchBrowser, PHONE } from './browser';

const dbName = `booking_visit_e2e_${randomBytes(4).toString('hex')}`;
const MINUTE = 60_000;

let handle: DbHandle;
let app: RunningApp;
let base = '';
let browser: Browser;

beforeAll(async () => {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${dbName}`).finally(() => admin.end());
  handle = await openDatabase({ driver: 'postgres', url: databaseUrl(dbName) });
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = await startBuiltApp(port, {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl(dbName),
    AUTH_SECRET: randomBytes(32).toString('base64'),
    APP_URL: base,
    DISABLE_SCHEDULER: '1',
    DEMO_MODE: '1',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await handle?.close();
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => admin.end());
});

/** A confirmed booking of `email` on `code` starting in five minutes, as the test's starting state. */
async function confirmedSoon(email: string, code: string): Promise<{ id: string; reference: string }> {
  const [user] = await handle.db.select().from(users).where(eq(users.email, email));
  const [room] = await handle.db.select().from(resources).where(eq(resources.code, code));
  const startAt = new Date(Math.ceil((Date.now() + 5 * MINUTE) / MINUTE) * MINUTE);
  // Make room: nothing of the demo data may hold this resource right now.
  await handle.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.resourceId, room.id));
  const reference = `BK-E2E-${randomUUID().slice(0, 6)}`;
  const [row] = await handle.db
    .insert(bookings)
    .values({
      reference,
      resourceId: room.id,
      requesterKind: 'staff',
      requesterUserId: user.id,
      departmentId: user.departmentId,
      contactName: user.name,
      contactPhone: '021-5888 0100',
      contactEmail: user.email,
      channel: 'portal',
      purpose: '门牌签到测试',
      attendees: 4,
      startAt,
      endAt: new Date(startAt.getTime() + 60 * MINUTE),
      status: 'confirmed',
      approvedAt: new Date(),
      confirmedAt: new Date(),
    })
    .returning({ id: bookings.id });
  return { id: row.id, reference };
}

async function phone(locale: 'zh' | 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ ...PHONE, baseURL: base, locale: locale === 'zh' ? 'zh-CN' : 'en-US' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: base }]);
  return context;
}

describe('the visit at a phone width', () => {
  it('a passer-by sees the door page without names; customers are told to use their e-mail link (en)', async () => {
    const context = await phone('en');
    const page = await context.newPage();
    const response = await page.goto('/door/MR-302');
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meeting Room 302');
    await expect.poll(() => page.getByText('Visitors: please check in with the link in your confirmation e-mail.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Staff: sign in to check in' }).count()).toBe(1);
    expect((await page.goto('/door/NO-SUCH'))?.status()).toBe(404);
    await context.close();
  });

  it('staff checks in from the door page and checks out with the checklist (zh)', async () => {
    const booking = await confirmedSoon('staff@example.com', 'MR-302');
    const context = await phone('zh');
    const page = await context.newPage();

    await page.goto('/door/MR-302');
    await page.getByRole('link', { name: '员工：登录后签到' }).click();
    await page.waitForURL(/\/login/);
    await signInHere(page);
    await page.waitForURL(/\/door\/MR-302/);
    await page.getByRole('button', { name: '签到' }).click();
    await page.waitForURL(/done=checkedIn/);
    await expect.poll(() => page.getByText('您已签到。离开时请在预约页面签退。').count()).toBe(1);
    // No horizontal scrolling at a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: '打开我的预约' }).click();
    await page.waitForURL(new RegExp(`/bookings/${booking.id}`));
    await page.getByRole('checkbox', { name: '关闭投影仪和屏幕' }).check();
    await page.getByRole('checkbox', { name: '桌椅归位、垃圾清理' }).check();
    // The unticked item asks why; sending without a reason is refused in the browser.
    await page.getByRole('button', { name: '签退' }).click();
    await expect.poll(() => page.getByText('请说明此项未完成的原因。').count()).toBe(1);
    await page.getByLabel('“擦净白板”为何未完成？').fill('白板笔写的字擦不掉');
    await page.getByRole('button', { name: '签退' }).click();
    await page.waitForURL(/notice=checkedOut/);
    await expect.poll(() => page.getByText('已签退，谢谢。').count()).toBe(1);

    const [after] = await handle.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(after).toMatchObject({ status: 'completed', checkedInVia: 'door', checkoutCondition: 'ok' });
    expect(after.checkoutChecklist).toEqual([
      { key: 'projector_off', done: true },
      { key: 'whiteboard_wiped', done: false, note: '白板笔写的字擦不掉' },
      { key: 'tidied', done: true },
    ]);
    await context.close();
  });
});

/** On the sign-in page the door link led to: it comes back to the door afterwards. */
async function signInHere(page: Page): Promise<void> {
  await page.getByLabel(/邮箱|Email/).fill('staff@example.com');
  await page.getByLabel(/密码|Password/).fill('demo1234');
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}
