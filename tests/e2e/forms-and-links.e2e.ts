/**
 * The edge of the app in the browser and over HTTP: an unknown e-mail link answers 404 with a
 * helpful page; the public form's duration never claims to be missing, its visitor limit is the
 * chosen place's capacity, a too-large number is refused on the field, and the grid offers only
 * starts where the chosen duration fits; the paper-entry form is spaced inside its card and says
 * what it entered; the holiday import shows it is running and what it did; the calendars read a
 * cacheable GET route, every resource at once, and draws bookings at the same time side by side.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { addDays, addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { ApiClient } from './api-client';
import { baseUrl, DESKTOP, launchBrowser, newContext, PHONE, signInAs } from './browser';

const TIME_ZONE = 'Asia/Shanghai';
const holidays = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('e-mail links', () => {
  it('an unknown link answers 404 with a page that says so, for GET and HEAD, at both addresses', async () => {
    for (const path of [`/r/${'A'.repeat(43)}`, `/m/${'B'.repeat(43)}`, '/m/not-a-token']) {
      const page = await fetch(`${baseUrl()}${path}`);
      expect(page.status, path).toBe(404);
      expect(await page.text()).toMatch(/<h1[^>]*>此链接无法使用<\/h1>/);
      expect((await fetch(`${baseUrl()}${path}`, { method: 'HEAD' })).status, path).toBe(404);
    }
  });
});

describe('the public request form', () => {
  it('duration is never "required", the visitor limit is the place\'s, too many visitors is refused on the field', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/book?resource=SR-101');
    await expect.poll(() => page.getByRole('radio', { name: /产品展厅/ }).isChecked()).toBe(true);

    // The showroom holds 40: the hint says so, and 41 is refused on the field itself.
    await expect.poll(() => page.getByText('该场地最多可容纳 40 人。').count()).toBe(1);
    await page.getByLabel('来访人数').fill('41');
    await page.getByRole('button', { name: '提交预约申请' }).click();
    const visitors = page.getByLabel('来访人数');
    await expect.poll(() => visitors.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await visitors.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('最多容纳 40 人');

    // No start chosen yet: that is said on the chosen-time line, never as a missing duration.
    expect(await page.locator('#slot-summary').textContent()).toContain('此项为必填项');
    expect(await page.getByLabel('时长').getAttribute('aria-invalid')).toBeNull();
    await context.close();
  });

  it('offers only the starts from which the chosen duration fits before closing', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/book?resource=SR-101');
    await expect.poll(() => page.getByRole('radio', { name: /产品展厅/ }).isChecked()).toBe(true);
    const day = addWorkingDays(dayInZone(new Date(), TIME_ZONE), 15, holidays);
    const [, month, date] = day.split('-').map(Number);
    const dayColumn = page.getByRole('list', { name: new RegExp(`^${month}/${date}周`) });
    for (let week = 0; week < 5 && (await dayColumn.count()) === 0; week++) await page.getByRole('button', { name: '下一周' }).click();
    // The showroom closes at 17:30: an hour fits from 16:30, four hours only up to 13:30.
    await expect.poll(() => dayColumn.getByRole('button', { name: / 16:30 起，空闲$/ }).count()).toBe(1);
    await page.getByLabel('时长').selectOption('240');
    await expect.poll(() => dayColumn.getByRole('button', { name: / 16:30 起，空闲$/ }).count()).toBe(0);
    expect(await dayColumn.getByRole('button', { name: / 13:30 起，空闲$/ }).count()).toBe(1);
    expect(await dayColumn.getByRole('button', { name: / 14:00 起，空闲$/ }).count()).toBe(0);
    await context.close();
  });
});

describe('admin forms', () => {
  it('paper entry: the first field sits inside its card, and an entry says what it entered', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/entries/new');
    const staff = page.getByLabel('申请人');
    await expect.poll(() => staff.locator('option').count()).toBeGreaterThan(1);
    // Padding between the card's edge and its first label (the label used to touch the border).
    const gap = await page.evaluate(() => {
      const label = document.querySelector('main form label')!;
      const card = label.closest('.rounded-lg')!;
      return label.getBoundingClientRect().top - card.getBoundingClientRect().top;
    });
    expect(gap).toBeGreaterThanOrEqual(12);

    await staff.selectOption({ index: 1 });
    await page.getByLabel('资源').selectOption({ label: 'MR-601 601 大会议室' });
    await page.getByLabel('日期').fill(addWorkingDays(dayInZone(new Date(), TIME_ZONE), 12, holidays));
    await page.getByLabel('开始时间').fill('09:00');
    await page.getByLabel('结束时间').fill('10:00');
    await page.getByLabel('用途').fill('纸质申请：季度经营分析会');
    await page.getByLabel('联系电话').fill('021-5888 1234');
    await page.getByRole('button', { name: '登记申请' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /已录入申请 BK-\d{4}-\d{6}/ }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('link', { name: '打开这条申请' }).getAttribute('href')).toMatch(/^\/admin\/review\/[0-9a-f-]{36}$/);
    // Ready for the next paper form.
    expect(await page.getByLabel('用途').inputValue()).toBe('');
    await context.close();
  });

  it('holiday import shows that it runs and what it did', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/holidays');
    await page.locator('summary', { hasText: '导入日历' }).click();
    await page.locator('input[type="file"][name="file"]').setInputFiles({
      name: 'holidays.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('date,kind,name\n2033-01-01,holiday,元旦\n2033-01-03,makeup_workday,调休\n'),
    });
    await page.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已导入 2033 年的日历' }).count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });
});

describe('calendar data', () => {
  it('comes from a GET route, every resource at once, privately cacheable with an ETag', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAs(page.context(), 'staff@example.com');
    const today = dayInZone(new Date(), TIME_ZONE);
    const url = `/api/v1/calendar?from=${today}&to=${addWorkingDays(today, 10, holidays)}`;
    const first = await page.request.get(url);
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toBe('private, no-cache');
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^".+"$/);
    const feed = (await first.json()) as { resources: { resourceId: string }[] };
    // The demo data books several resources in the next two weeks: all of them come in one answer.
    expect(feed.resources.length).toBeGreaterThan(1);
    const again = await page.request.get(url, { headers: { 'if-none-match': etag } });
    expect(again.status()).toBe(304);
    expect((await fetch(`${baseUrl()}${url}`)).status).toBe(401);

    // The calendar page has the browser fetch its first week while the scripts load (a preload
    // in its head), and the calendar's first look-up is handed that answer rather than asking
    // again; the next week comes from the route when asked for.
    await page.goto('/calendar');
    await page.locator('.fc-timegrid-col').first().waitFor();
    const fromRoute = page.waitForResponse((response) => response.url().includes('/api/v1/calendar?'));
    await page.getByRole('button', { name: '下一段' }).click();
    expect((await fromRoute).status()).toBe(200);
    const lookUps = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/api/v1/calendar?'))
          .map((entry) => ({ by: (entry as PerformanceResourceTiming).initiatorType, from: new URL(entry.name).searchParams.get('from') })),
      );
    await expect.poll(lookUps).toHaveLength(2);
    const [firstWeek, nextWeek] = await lookUps();
    expect(firstWeek.by).toBe('link');
    expect(nextWeek).toEqual({ by: 'fetch', from: addDays(firstWeek.from!, 7) });
    await context.close();
  });

  it('draws bookings at the same time side by side in the week view, none hidden under another', async () => {
    // Two rooms booked for the same hour, a week and a half ahead (no other test books 08:30 there).
    const day = addWorkingDays(dayInZone(new Date(), TIME_ZONE), 8, holidays);
    const slot = { startAt: zonedInstant(day, '08:30', TIME_ZONE).toISOString(), endAt: zonedInstant(day, '09:30', TIME_ZONE).toISOString() };
    const api = new ApiClient();
    await api.signIn('staff2@example.com');
    const { resources } = (await api.call('GET', '/api/v1/resources')).json as { resources: { id: string; code: string }[] };
    for (const code of ['MR-301', 'MR-302', 'MR-501']) {
      const id = resources.find((r) => r.code === code)!.id;
      const created = await api.call('POST', '/api/v1/bookings', { resourceId: id, ...slot, purpose: `并排 ${code}`, attendees: 2 });
      expect(created.status, created.text).toBe(201);
    }

    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAs(page.context(), 'staff@example.com');
    await page.goto('/calendar');
    const column = page.locator(`td.fc-timegrid-col[data-date="${day}"]`);
    for (let i = 0; i < 4 && (await column.count()) === 0; i++) {
      await page.getByRole('button', { name: '下一段' }).click();
    }
    const events = column.locator('.fc-timegrid-event-harness', { hasText: '并排' });
    await expect.poll(() => events.count()).toBe(3);
    const boxes = await Promise.all((await events.all()).map(async (e) => (await e.boundingBox())!));
    for (const [i, a] of boxes.entries()) {
      expect(a.width, 'each event keeps a readable width').toBeGreaterThan(30);
      for (const b of boxes.slice(i + 1)) {
        // Same hour, so the same rows: they must not share any horizontal stretch.
        const shared = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        expect(shared).toBeLessThanOrEqual(1);
      }
    }
    await context.close();
  });

  it('tells today apart from set-up/clean-up time, and names its arrows in words', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAs(page.context(), 'staff@example.com');
    await page.goto('/calendar');
    await page.locator('.fc-day-today').first().waitFor();
    const colours = await page.evaluate(() => {
      const background = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : null);
      const swatch = (label: string) =>
        background([...document.querySelectorAll('li')].find((li) => li.textContent === label)?.querySelector('span') ?? null);
      return { today: background(document.querySelector('td.fc-day-today')), todaySwatch: swatch('今天'), buffer: swatch('准备/清场时间') };
    });
    expect(colours.today).toBe(colours.todaySwatch);
    expect(colours.today).not.toBe(colours.buffer);
    expect(await page.getByRole('button', { name: '上一段' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '下一段' }).count()).toBe(1);
    expect(await page.locator('.fc-icon[role="img"]').count()).toBe(0);
    await context.close();
  });
});
