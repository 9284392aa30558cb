/**
 * The customer channel end to end, in Chromium at a phone viewport: a customer books on /book
 * without an account, gets the e-mail with the manage link; admin approves in the review
 * dashboard; the customer confirms from the link; customer service sees the booking under
 * "to notify", records the contact, and the booking leaves that list. Also: /book in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, fillPublicRequest, launchBrowser, newContext, PHONE, showPublicDay, signInAs, waitForMail, workingDaysAhead } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A working day three working days ahead: past the customer notice, inside the horizon. */
function visitDay(): string {
  return workingDaysAhead(3);
}

/** A customer's request on /book for `time` on `day`. */
function fillRequest(page: Page, day: string, time: string, email: string): Promise<void> {
  return fillPublicRequest(page, day, time, { name: '李女士', company: '南京石材贸易有限公司', phone: '+852 2123 4567', email });
}

function linkIn(text: string, path: 'm' | 'r'): string | undefined {
  return new RegExp(`https?://[^\\s"<>]+/${path}/[A-Za-z0-9_-]{43}`).exec(text)?.[0];
}

describe('customer booking on a phone', () => {
  it('books on /book, is approved, confirms from the link, and customer service records the contact', async () => {
    const day = visitDay();
    const email = `visitor-${Date.now()}@example.com`;

    // 1. The customer books on /book, no account.
    const customer = await newContext(browser, PHONE);
    const page = await customer.newPage();
    await page.goto('/book?resource=SR-101');
    await expect.poll(() => page.getByRole('radio', { name: /产品展厅/ }).isChecked()).toBe(true);
    await showPublicDay(page, day);
    await page.getByRole('button', { name: / 14:00 起，空闲$/ }).click();
    await expect.poll(() => page.locator('#slot-summary').textContent()).toContain('14:00 – 15:00');
    await page.getByLabel('姓名').fill('王<b>小明</b>');
    await page.getByLabel('公司名称').fill('上海新材建筑有限公司');
    await page.getByLabel('联系电话').fill('138 0013 8000');
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('来访人数').fill('3');
    await page.getByLabel('特殊需求').fill('需要讲解员');
    await page.getByRole('button', { name: '提交预约申请' }).click();
    await page.getByRole('heading', { name: '预约申请已提交' }).waitFor();
    const reference = (await page.getByTestId('booking-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^BK-\d{4}-\d{6}$/);
    await expect.poll(() => page.getByText(`我们已向 ${email} 发送了一封邮件`).count()).toBe(1);

    // 2. The e-mail carries the link to manage the booking.
    const received = await waitForMail(email, (m) => m.subject.includes(reference));
    const manageLink = linkIn(received.text, 'm');
    expect(manageLink).toBeDefined();
    await page.goto(manageLink!);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('您的预约');
    await expect.poll(() => page.locator('main').textContent()).toContain('待审核');
    // What the customer typed is shown as text, never as markup.
    await expect.poll(() => page.getByText('王<b>小明</b> · 上海新材建筑有限公司').count()).toBe(1);
    expect(await page.locator('main b').count()).toBe(0);

    // 3. Admin approves in the review dashboard.
    const adminContext = await newContext(browser, PHONE);
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');
    await admin.goto('/admin/review');
    await admin.getByRole('link', { name: reference }).click();
    await admin.waitForURL(/\/admin\/review\/[0-9a-f-]{36}/);
    await admin.getByRole('textbox', { name: '审核意见' }).fill('同意，欢迎参观。');
    await admin.getByRole('button', { name: '批准', exact: true }).click();
    await admin.waitForURL(/notice=approved/);
    await adminContext.close();

    // 4. The customer gets the approval mail and confirms from their link.
    const approval = await waitForMail(email, (m) => m.subject.includes(reference) && m.subject.includes('批准'));
    await page.goto(linkIn(approval.text, 'm') ?? manageLink!);
    await expect.poll(() => page.locator('main').textContent()).toContain('同意，欢迎参观。');
    await page.getByRole('button', { name: '确认预约' }).click();
    await page.waitForURL(/done=confirmed/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('您已确认预约');
    await expect.poll(() => page.locator('main').textContent()).toContain('已确认');
    await customer.close();

    // 5. Customer service sees it under "to notify", records the contact, and it leaves the list.
    const deskContext = await newContext(browser, PHONE);
    const desk = await deskContext.newPage();
    await signInAs(desk.context(), 'service@example.com');
    await desk.goto('/desk/notify');
    const item = desk.getByRole('listitem').filter({ has: desk.getByRole('link', { name: reference }) });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('radio', { name: '电话' }).check();
    await item.getByLabel('备注').fill('已电话告知来访时间和停车安排。');
    await item.getByRole('button', { name: '记录联系' }).click();
    await desk.waitForURL(/recorded=/);
    await expect.poll(() => desk.getByRole('status').first().textContent()).toContain(`已记录对 ${reference} 的通知`);
    expect(await desk.getByRole('link', { name: reference }).count()).toBe(0);

    // The booking's desk page keeps the record.
    await desk.goto(`/desk?q=${encodeURIComponent(reference)}`);
    await desk.getByRole('link', { name: reference }).click();
    await desk.waitForURL(/\/desk\/bookings\//);
    await expect.poll(() => desk.locator('main').textContent()).toContain('已电话告知来访时间和停车安排。');
    await deskContext.close();
  });

  it('answers a taken slot with ranked alternatives, one click to book one', async () => {
    const day = visitDay();
    const first = await browser.newContext({ ...PHONE, baseURL: baseUrl(), extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.1' } });
    const second = await browser.newContext({ ...PHONE, baseURL: baseUrl(), extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.2' } });
    const [a, b] = await Promise.all([first.newPage(), second.newPage()]);
    await Promise.all([a.goto('/book?resource=MR-501'), b.goto('/book?resource=MR-501')]);
    // Both see 10:00 free; the first to send it gets it.
    await fillRequest(a, day, '10:00', `first-${Date.now()}@example.com`);
    await fillRequest(b, day, '10:00', `second-${Date.now()}@example.com`);
    await a.getByRole('button', { name: '提交预约申请' }).click();
    await a.getByRole('heading', { name: '预约申请已提交' }).waitFor();

    await b.getByRole('button', { name: '提交预约申请' }).click();
    await b.getByText('该时段无法预约').waitFor();
    const offers = b.getByRole('button', { name: /^改为预约/ });
    await expect.poll(() => offers.count()).toBeGreaterThan(0);
    await offers.first().click();
    await b.getByRole('heading', { name: '预约申请已提交' }).waitFor();
    expect((await b.getByTestId('booking-reference').textContent())?.trim()).toMatch(/^BK-\d{4}-\d{6}$/);
    await Promise.all([first.close(), second.close()]);
  });

  it('explains a rate limit kindly', async () => {
    const address = '198.51.100.99';
    // Use up the address's allowance through the public API (refused requests count too).
    for (let i = 0; i < 10; i++) {
      await fetch(`${baseUrl()}/api/v1/public/booking-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: '{}',
      });
    }
    const context = await browser.newContext({ ...PHONE, baseURL: baseUrl(), extraHTTPHeaders: { 'x-forwarded-for': address } });
    const page = await context.newPage();
    await page.goto('/book?resource=SW-B1');
    await fillRequest(page, visitDay(), '15:00', `limited-${Date.now()}@example.com`);
    await page.getByRole('button', { name: '提交预约申请' }).click();
    await page.getByText('请求过于频繁').waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '请稍等几分钟后再试' }).count()).toBe(1);
    await context.close();
  });

  it('shows /book in English when English is chosen', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await page.goto('/book');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Book a visit or a room');
    await page.getByText('Product Showroom', { exact: true }).click();
    await expect.poll(() => page.getByRole('radio', { name: /Product Showroom/ }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: '2. Choose a time' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /, free$/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Send booking request' }).count()).toBe(1);
    expect(await page.getByLabel('Phone').count()).toBe(1);
    await context.close();
  });
});
