/**
 * The review dashboard in the browser: the queue in the order requests are handled (the seeded
 * customer request first, with its reason), a staff request approved with a review opinion
 * (待确认, and the approval e-mail to the applicant), and on a phone in English: filters,
 * an empty opinion refused on its field, and "ask for information" done from the keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInZone } from '@/lib/calendar/working-days';
import { baseUrl, DESKTOP, launchBrowser, newContext, PHONE, signInAs, waitForMail } from './browser';

/** The seed numbers its demo bookings in the current year of the organisation's zone. */
const year = dayInZone(new Date(), 'Asia/Shanghai').slice(0, 4);
const CUSTOMER_REQUEST = `BK-${year}-000007`;
const STAFF_REQUEST = `BK-${year}-000001`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The queue entry (a list item) that carries a reference. */
const queueEntry = (page: Page, reference: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: reference, exact: true }) });

describe('review dashboard', () => {
  it('ranks the customer request first with its reason; admin approves a staff request with an opinion', async () => {
    const context = await newContext(browser, DESKTOP, 'zh');
    // Chinese whatever language admin chose in an earlier test (the switch is saved on the account).
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: baseUrl() }]);
    const page = await context.newPage();
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/review');

    const first = page.getByRole('list', { name: '待审核' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent()).toContain(CUSTOMER_REQUEST);
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain('第 1 位');
    expect(firstText).toContain('刘女士');
    expect(firstText).toContain('客户优先');
    expect(await queueEntry(page, STAFF_REQUEST).textContent()).toContain('先到先得');

    await page.getByRole('link', { name: STAFF_REQUEST, exact: true }).click();
    await page.waitForURL(/\/admin\/review\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    // What the request page shows before a decision: the checks and the history.
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('必填信息齐全');
    expect(await main.textContent()).toContain('没有冲突');
    expect(await page.getByRole('heading', { name: '处理记录' }).count()).toBe(1);

    const opinion = '同意，请提前十分钟到场布置。';
    await page.getByRole('textbox', { name: '审核意见' }).fill(opinion);
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await page.waitForURL(/notice=approved/);
    expect(new URL(page.url()).pathname).toBe(`/admin/review/${id}`);
    await expect.poll(() => page.locator('[data-status]').first().textContent()).toBe('待确认');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已批准' }).count()).toBe(1);
    expect(await main.textContent()).toContain(opinion);
    // Decided: it has left the queue.
    await page.goto('/admin/review');
    expect(await page.getByRole('link', { name: STAFF_REQUEST, exact: true }).count()).toBe(0);

    // The applicant's language may be English (the smoke test switches it): match on what does not depend on it.
    const mail = await waitForMail('staff@example.com', (m) => m.subject.includes(STAFF_REQUEST) && m.text.includes(opinion));
    expect(mail.subject).toMatch(/预约已批准|Booking approved/);
    await context.close();
  });

  it('on a phone in English: filters, an empty opinion refused on its field, and asking for information from the keyboard', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/review');

    // GET filters: only the showroom's requests.
    const resource = page.getByRole('combobox', { name: 'Resource', exact: true });
    const showroom = await resource.locator('option', { hasText: 'SR-101' }).getAttribute('value');
    await resource.selectOption(showroom!);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/resource=/);
    const entries = page.getByRole('list', { name: 'Pending' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    for (const text of await entries.allTextContents()) expect(text).toContain('SR-101');
    expect(await queueEntry(page, CUSTOMER_REQUEST).textContent()).toContain('Customer first');

    await page.getByRole('link', { name: CUSTOMER_REQUEST, exact: true }).click();
    await page.waitForURL(/\/admin\/review\/[0-9a-f-]{36}$/);

    // Approving without an opinion is refused, on the field.
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const opinion = page.getByRole('textbox', { name: 'Review opinion' });
    await expect.poll(() => opinion.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await opinion.getAttribute('aria-describedby'))!.split(' ').find((part) => part.endsWith('-error'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('This field is required.');
    expect(await page.locator('[data-status]').first().textContent()).toBe('Pending review');

    // Ask for information with the keyboard only: type, Tab to the button, Enter.
    const message = page.getByRole('textbox', { name: 'What is missing' });
    await message.focus();
    await page.keyboard.type('Please send the list of visitors.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ask for information');
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=infoRequested/);
    await expect.poll(() => page.locator('[data-status]').first().textContent()).toBe('Needs information');

    await page.goto('/admin/review?tab=needs_info');
    expect(await queueEntry(page, CUSTOMER_REQUEST).textContent()).toContain('Waiting for information');
    await context.close();
  });
});
