/**
 * The staff workflow in the browser: a request from the new-booking form, pending in "My
 * bookings", approved by admin with an opinion, the approval e-mail (Chinese) with its Confirm
 * link, confirmed, and `已确认` in both portals. Also the form's own help: a field error for an
 * empty purpose, and for a taken slot the reason with ranked alternatives, one taken in a click.
 *
 * Slots are computed like the server does: working days under the bundled 2026 holiday
 * calendar (the demo seed), in the organisation's zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';
import { addWorkingDays, dayInZone, type HolidayCalendar } from '@/lib/calendar/working-days';
import { baseUrl, chooseResource, DESKTOP, launchBrowser, newContext, PHONE, signInAs, waitForMail } from './browser';

const TIME_ZONE = 'Asia/Shanghai';
const calendar: HolidayCalendar = new Map(
  parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8')).map((h) => [h.date, h.kind]),
);
/** The n-th working day after today in the organisation's zone (the seed places its bookings the same way). */
const workingDay = (n: number) => addWorkingDays(dayInZone(new Date(), TIME_ZONE), n, calendar);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


/** The form is usable once it has hydrated: the phone is pre-filled from the account. */
async function openNewBooking(page: Page): Promise<void> {
  await page.goto('/bookings/new');
  await expect.poll(() => page.getByLabel(/^(联系电话|Phone)/).inputValue()).not.toBe('');
}

describe('staff booking', () => {
  it('request → pending → approved with an opinion → confirmed from the e-mail link → 已确认 in both portals', async () => {
    const staffContext = await newContext(browser, DESKTOP, 'zh');
    const staff = await staffContext.newPage();
    await signInAs(staff.context(), 'staff@example.com');

    // A free slot on MR-302: the seed's MR-302 booking is on working day 3, this one on day 4.
    const day = workingDay(4);
    await openNewBooking(staff);
    await chooseResource(staff, 'MR-302');
    await staff.getByLabel('日期').fill(day);
    await staff.getByLabel('开始时间').fill('10:00');
    await staff.getByLabel('结束时间').fill('11:00');
    await staff.getByLabel('用途').fill('华南区渠道合作方案评审');
    await staff.getByLabel('人数').fill('6');
    await staff.getByRole('button', { name: '提交预约申请' }).click();

    await staff.waitForURL(/\/bookings\/[0-9a-f-]{36}\?created=1$/);
    const id = new URL(staff.url()).pathname.split('/').pop()!;
    await expect.poll(() => staff.getByRole('status').filter({ hasText: '预约申请已提交' }).count()).toBe(1);
    const reference = (await staff.getByRole('heading', { level: 1 }).textContent())!.match(/BK-\d{4}-\d{6}/)![0];
    expect(await staff.locator('[data-status]').first().textContent()).toBe('待审核');

    // Pending in My bookings.
    await staff.goto('/bookings');
    const row = staff.getByRole('row').filter({ hasText: reference });
    await expect.poll(() => row.locator('[data-status="pending"]').textContent()).toBe('待审核');

    // Admin approves with an opinion through the JSON API (the same domain function as the review page).
    const adminContext = await newContext(browser, DESKTOP, 'zh');
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');
    const opinion = '同意，请提前十分钟到场布置。';
    const approved = await admin.request.post(`/api/v1/bookings/${id}/approve`, {
      data: { opinion },
      // The JSON API takes state changes only from the app's own origin.
      headers: { origin: baseUrl() },
    });
    expect(approved.status()).toBe(200);
    expect((await approved.json()).status).toBe('awaiting_confirmation');

    // The approval e-mail, in Chinese, with the opinion and a Confirm link.
    const mail = await waitForMail('staff@example.com', (m) => m.subject.includes(reference) && m.subject.includes('批准'));
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.text).toContain(opinion);
    const links = [...mail.html.matchAll(/href="([^"]*\/r\/[^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
    const confirmLink = links.find((href) => href.includes('intent=confirm')) ?? links[0];
    expect(confirmLink).toBeTruthy();

    // The link's page only shows the booking (200 while the link is open); the button changes it.
    expect((await staff.goto(confirmLink))?.status()).toBe(200);
    await staff.getByRole('button', { name: '确认预约' }).click();
    await staff.waitForURL(/done=confirmed/);
    // Then it shows the booking as it now stands and what can still be done — nothing stale.
    await expect.poll(() => staff.getByRole('status').filter({ hasText: '您已确认预约' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await staff.locator('main [data-status]').first().textContent()).toBe('已确认');
    expect(await staff.getByRole('button', { name: '确认预约' }).count()).toBe(0);
    expect(await staff.getByRole('link', { name: '在门户中打开预约' }).getAttribute('href')).toBe(`/bookings/${id}`);
    // The link is used now: 410 with the same helpful page, for GET and HEAD.
    const used = await fetch(confirmLink);
    expect(used.status).toBe(410);
    const usedPage = await used.text();
    expect(usedPage).toMatch(/<h1[^>]*>您的预约<\/h1>/);
    expect(usedPage).toContain('此链接已经使用过');
    expect((await fetch(confirmLink, { method: 'HEAD' })).status).toBe(410);

    await staff.goto(`/bookings/${id}`);
    expect(await staff.locator('[data-status]').first().textContent()).toBe('已确认');
    await expect.poll(() => staff.getByText(opinion).count()).toBeGreaterThan(0);

    await admin.goto(`/admin/review/${id}`);
    expect(await admin.locator('[data-status]').first().textContent()).toBe('已确认');

    await staffContext.close();
    await adminContext.close();
  });

  it('on a phone, in English: a field error for an empty purpose; a taken slot explained with alternatives, one taken in a click', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await signInAs(page.context(), 'staff@example.com');
    await openNewBooking(page);
    await chooseResource(page, 'MR-302');

    // The seed holds MR-302 on working day 3, 14:00–15:30.
    await page.getByLabel('Date').fill(workingDay(3));
    await page.getByLabel('Start time').fill('14:00');
    await page.getByLabel('End time').fill('15:00');
    await page.getByRole('button', { name: 'Submit request' }).click();
    const purpose = page.getByLabel('Purpose');
    await expect.poll(() => purpose.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await purpose.getAttribute('aria-describedby'))!.split(' ').find((part) => part.endsWith('-error'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('This field is required.');
    expect(page.url()).toMatch(/\/bookings\/new/);

    await purpose.fill('Supplier call');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.getByRole('heading', { name: 'Other slots you can have' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'cannot be requested' }).textContent()).toMatch(/taken/i);
    const bookThis = page.getByRole('button', { name: /^Book this: / });
    expect(await bookThis.count()).toBeGreaterThan(0);

    // "Book this" fills the form with that slot and submits it.
    const offer = page.getByRole('listitem').filter({ has: bookThis }).first();
    const time = (await offer.locator('time').textContent())!;
    await offer.getByRole('button', { name: /^Book this: / }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]{36}\?created=1$/);
    expect(await page.locator('[data-status]').first().textContent()).toBe('Pending review');
    expect(await page.getByRole('heading', { level: 1 }).locator('..').textContent()).toContain(time);
    await context.close();
  });
});
