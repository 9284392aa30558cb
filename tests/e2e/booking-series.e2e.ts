/**
 * Recurring bookings in the browser: staff asks for a weekly series (Mondays and Saturdays) on
 * a desktop, sees every date's state before submitting — the Saturdays skipped as non-working
 * days (unless the calendar makes one a 调休 working day), public holidays skipped — and submits
 * the free ones, and gets one mail for the series; on a phone, a colleague asking for the same series sees those dates taken,
 * each with alternatives; admin approves the whole series on its page.
 *
 * Dates are computed like the server does: working days under the bundled 2026 holiday
 * calendar (the demo seed), in the organisation's zone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { addDays, dayInZone, isWorkingDay, type HolidayCalendar } from '@/lib/calendar/working-days';
import { chooseResource, DESKTOP, launchBrowser, newContext, PHONE, signInAs, waitForMail } from './browser';

const TIME_ZONE = 'Asia/Shanghai';
const calendar: HolidayCalendar = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));

/** Two weeks out (clear of the seed's and other tests' bookings), the next Monday. */
function firstMonday(): string {
  let day = addDays(dayInZone(new Date(), TIME_ZONE), 14);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
}
const monday = firstMonday();
/** The rule's six dates: Monday, Saturday, … for three weeks. */
const dates = [0, 5, 7, 12, 14, 19].map((n) => addDays(monday, n));
const expected = dates.map((day) => (calendar.get(day) === 'holiday' ? 'skipped' : isWorkingDay(day, calendar) ? 'free' : 'skipped'));
const freeCount = expected.filter((s) => s === 'free').length;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


/** Fills the series form: MR-601, 16:30–17:30, weekly on Monday and Saturday, six dates. */
async function fillSeries(page: Page, labels: { firstDate: RegExp; start: RegExp; end: RegExp; purpose: RegExp; monday: string; saturday: string; count: RegExp }) {
  await page.goto('/bookings/series/new');
  await expect.poll(() => page.getByLabel(/^(联系电话|Phone)/).inputValue()).not.toBe('');
  await chooseResource(page, 'MR-601');
  await page.getByLabel(labels.firstDate).fill(monday);
  await page.getByLabel(labels.start).fill('16:30');
  await page.getByLabel(labels.end).fill('17:30');
  await page.getByLabel(labels.monday, { exact: true }).check();
  await page.getByLabel(labels.saturday, { exact: true }).check();
  await page.getByLabel(labels.count).fill('6');
  await page.getByLabel(labels.purpose).fill('每周渠道例会');
}

/** Checking every date takes a few seconds on a busy machine. */
const SLOW = { timeout: 30_000, interval: 250 };

const statesOf = (page: Page) => page.locator('li[data-occurrence]').evaluateAll((items) => items.map((li) => li.getAttribute('data-state')));

describe('recurring bookings', () => {
  let seriesUrl = '';

  it('desktop: a weekly series shows each date\'s state before it is submitted', async () => {
    const staffContext = await newContext(browser, DESKTOP, 'zh');
    const staff = await staffContext.newPage();
    await signInAs(staff.context(), 'staff@example.com');
    await fillSeries(staff, {
      firstDate: /^首次日期/,
      start: /^开始时间/,
      end: /^结束时间/,
      purpose: /^用途/,
      monday: '周一',
      saturday: '周六',
      count: /^次数/,
    });
    await staff.getByRole('button', { name: '查看日期' }).click();
    await expect.poll(() => statesOf(staff), SLOW).toEqual(expected);
    const saturday = staff.locator('li[data-occurrence="2"]');
    await expect.poll(() => saturday.textContent()).toMatch(calendar.get(dates[1]) === 'holiday' ? /法定节假日/ : /非工作日/);
    await staff.getByRole('button', { name: `申请全部 ${freeCount} 个空闲日期` }).click();
    await staff.waitForURL(/\/bookings\/series\/[0-9a-f-]+\?created=1/, { timeout: 30_000 });
    seriesUrl = new URL(staff.url()).pathname;
    await expect.poll(() => staff.getByRole('heading', { level: 1 }).textContent(), SLOW).toMatch(/周期预订 RS-\d{4}-\d{6}/);
    // One "request received" mail for the whole series, listing each date, not one per date.
    const reference = (await staff.getByRole('heading', { level: 1 }).textContent())!.match(/RS-\d{4}-\d{6}/)![0];
    const received = await waitForMail('staff@example.com', (mail) => mail.subject.includes(reference));
    expect(received.subject).toMatch(/^已收到周期预约申请/);
    expect(received.text.match(/· 已申请/g)).toHaveLength(freeCount);
    await expect.poll(() => staff.locator('li[data-occurrence]').count()).toBe(freeCount);
    await expect.poll(() => staff.locator('li[data-occurrence] [data-status="pending"]').count()).toBe(freeCount);
    await staffContext.close();
  });

  it('phone: a colleague asking for the same series sees those dates taken, with alternatives', async () => {
    const phoneContext = await newContext(browser, PHONE, 'en');
    const phone = await phoneContext.newPage();
    await signInAs(phone.context(), 'staff2@example.com');
    await fillSeries(phone, {
      firstDate: /^First date/,
      start: /^Start time/,
      end: /^End time/,
      purpose: /^Purpose/,
      monday: 'Mon',
      saturday: 'Sat',
      count: /^Number of dates/,
    });
    await phone.getByRole('button', { name: 'Show dates' }).click();
    await expect.poll(() => statesOf(phone), SLOW).toEqual(expected.map((s) => (s === 'free' ? 'taken' : s)));
    const taken = phone.locator('li[data-state="taken"]').first();
    await expect.poll(() => taken.textContent()).toMatch(/Free instead:/);
    // Nothing free: nothing to submit.
    expect(await phone.getByRole('button', { name: /^Request/ }).count()).toBe(0);
    // The list fits the phone's width.
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phoneContext.close();
  });

  it('admin reviews the series on one page and approves it all', async () => {
    expect(seriesUrl).toMatch(/^\/bookings\/series\//);
    const adminContext = await newContext(browser, DESKTOP, 'zh');
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');
    await admin.goto(seriesUrl);
    await admin.getByLabel(/^审批意见/).fill('同意，每周固定使用');
    await admin.getByRole('button', { name: '全部批准' }).click();
    await expect.poll(() => admin.locator('li[data-occurrence] [data-status="awaiting_confirmation"]').count(), SLOW).toBe(freeCount);
    await adminContext.close();
  });
});
