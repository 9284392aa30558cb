/**
 * Moving a visit, end to end in Chromium: a customer with a confirmed visit asks on their manage
 * link (at a phone width) to move it to another time; the page says both slots are held; admin
 * finds the change request in the review queue and approves it; the customer gets the e-mail
 * with the new time and an updated calendar invitation, and the link page shows the new time.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { addWorkingDays, dayInZone } from '@/lib/calendar/working-days';
import { launchBrowser, newContext, PHONE, signInAs, waitForMail } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TIME_ZONE = 'Asia/Shanghai';
const workingDay = (ahead: number) => {
  const holidays = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
  return addWorkingDays(dayInZone(new Date(), TIME_ZONE), ahead, holidays);
};

function linkIn(text: string, path: 'm' | 'r'): string | undefined {
  return new RegExp(`https?://[^\\s"<>]+/${path}/[A-Za-z0-9_-]{43}`).exec(text)?.[0];
}

describe('moving a visit', () => {
  it('the customer asks on the manage link; admin approves; the new time and calendar invitation reach the customer', async () => {
    const email = `mover-${Date.now()}@example.com`;
    const day = workingDay(4);
    const newDay = workingDay(5);

    // A customer visit, approved and confirmed, filed through the public API.
    const customer = await newContext(browser, PHONE);
    const page = await customer.newPage();
    const resources = (await (await page.request.get('/api/v1/public/resources')).json()).resources as { id: string; code: string }[];
    const room = resources.find((r) => r.code === 'MR-501')!;
    const created = await page.request.post('/api/v1/public/booking-requests', {
      data: {
        resourceId: room.id,
        startAt: `${day}T10:00:00+08:00`,
        endAt: `${day}T11:00:00+08:00`,
        name: '陈先生',
        company: '杭州精密仪器有限公司',
        phone: '0571-8888 0000',
        email,
        visitors: 2,
        specialNeeds: '',
      },
    });
    expect(created.status()).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    const received = await waitForMail(email, (m) => m.subject.includes(reference));
    const manageLink = linkIn(received.text, 'm')!;

    const adminContext = await newContext(browser, PHONE);
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');
    await admin.goto('/admin/review');
    await admin.getByRole('link', { name: reference }).click();
    await admin.waitForURL(/\/admin\/review\/[0-9a-f-]{36}/);
    await admin.getByRole('textbox', { name: '审核意见' }).first().fill('同意。');
    await admin.getByRole('button', { name: '批准', exact: true }).click();
    await admin.waitForURL(/notice=approved/);
    await page.goto(manageLink);
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/done=confirmed/);

    // 1. The customer asks to move the visit to the next working day, 14:00–15:00.
    await page.goto(manageLink);
    await page.getByRole('heading', { name: '申请改期' }).waitFor();
    await page.getByLabel('新的开始时间').fill(`${newDay}T14:00`);
    await page.getByLabel('新的结束时间').fill(`${newDay}T15:00`);
    await page.getByLabel('改期原因').fill('当天航班改签，改到下午');
    await page.getByRole('button', { name: '提交改期申请' }).click();
    await page.waitForURL(/done=changeRequested/);
    await expect.poll(() => page.locator('main').textContent()).toContain('两个时段都为您保留');
    await waitForMail(email, (m) => m.subject.includes(reference) && m.subject.includes('改期申请'));

    // 2. Admin sees it in the review queue beside new requests and approves it.
    await admin.goto('/admin/review');
    const row = admin.getByRole('listitem').filter({ has: admin.getByRole('link', { name: reference }) });
    await expect.poll(() => row.textContent()).toContain('改期申请');
    await row.getByRole('link', { name: reference }).click();
    await admin.waitForURL(/\/admin\/review\/[0-9a-f-]{36}/);
    await admin.getByRole('heading', { name: '改期申请' }).waitFor();
    await admin.getByLabel('审核意见').last().fill('同意改期。');
    await admin.getByRole('button', { name: '批准改期', exact: true }).click();
    await admin.waitForURL(/notice=changeApproved/);
    await expect.poll(() => admin.locator('main').textContent()).toContain('已批准改期');
    await adminContext.close();

    // 3. The customer is told, with the updated invitation; the link page shows the new time.
    const approved = await waitForMail(email, (m) => m.subject.includes(reference) && m.subject.includes('改期已批准'));
    expect(approved.text).toContain('同意改期。');
    expect(approved.text).toContain('14:00–15:00');
    await page.goto(manageLink);
    await expect.poll(() => page.locator('main').textContent()).toContain('14:00');
    await expect.poll(() => page.locator('main').textContent()).toContain('已确认');
    await customer.close();
  }, 240_000);
});
