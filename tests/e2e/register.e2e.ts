/**
 * The bookings register as admin uses it: filter to the customer bookings, download the XLSX of
 * that filter (read back: only customer rows) and print a resource's busiest demo day, which
 * fits one A4 page.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '@/lib/calendar/working-days';
import { DESKTOP, launchBrowser, newContext, signInAs } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('bookings register (desktop, English)', () => {
  it('admin filters to customer bookings, exports them as XLSX, and prints a day on one A4 page', async () => {
    const context = await newContext(browser, DESKTOP, 'en');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page.context(), 'admin@example.com');

    await page.goto('/admin/bookings');
    await page.getByLabel('Applicant', { exact: true }).selectOption('customer');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/kind=customer/);
    const kinds = await page.locator('tbody tr td:nth-child(5) span:last-child').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Customer']));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bookings-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const kindColumn = header.indexOf('Applicant type') + 1;
    expect(kindColumn).toBeGreaterThan(0);
    const exported = sheet.getColumn(kindColumn).values.slice(2);
    expect(exported.length).toBeGreaterThanOrEqual(kinds.length);
    expect(new Set(exported)).toEqual(new Set(['Customer']));

    // The busiest day of one resource in the demo data, printed.
    const listed = await page.request.get('/api/v1/bookings?limit=200&status=confirmed');
    const rows = (await listed.json()).bookings as { resourceId: string; startAt: string }[];
    const perDay = new Map<string, number>();
    for (const b of rows) {
      const key = `${b.resourceId}|${dayInZone(new Date(b.startAt), 'Asia/Shanghai')}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    const [busiest] = [...perDay.entries()].sort((a, b) => b[1] - a[1])[0];
    const [resourceId, day] = busiest.split('|');
    await page.goto(`/admin/bookings/print?resource=${resourceId}&date=${day}&range=day`);
    expect(await page.locator('#print-sheet tbody tr').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
