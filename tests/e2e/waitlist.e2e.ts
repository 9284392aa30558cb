/**
 * The waitlist for customers, in Chromium at a phone viewport: two customers ask for the same
 * showroom slot on /book; the second is refused with alternatives and, beside them, joins the
 * waitlist in one click. The first cancels from their manage link; the notify-waitlist job
 * e-mails the waiting customer a link back to the public page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, fillPublicRequest, launchBrowser, PHONE, runJob, waitForMail, workingDaysAhead } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Seven working days ahead: no other browser test asks for the showroom then. */
function visitDay(): string {
  return workingDaysAhead(7);
}

/** A customer's request on /book for `time` on `day`. */
function fillRequest(page: Page, day: string, time: string, email: string): Promise<void> {
  return fillPublicRequest(page, day, time, { name: '陈先生', company: '杭州装饰工程有限公司', phone: '139 0013 9000', email });
}

describe('the waitlist on /book', () => {
  it('a customer refused a taken slot joins its waitlist beside the alternatives and is e-mailed when it frees up', async () => {
    const day = visitDay();
    const stamp = Date.now();
    const firstEmail = `first-${stamp}@example.com`;
    const waitingEmail = `waiting-${stamp}@example.com`;
    const first = await browser.newContext({ ...PHONE, baseURL: baseUrl(), locale: 'zh-CN', extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.31' } });
    const second = await browser.newContext({ ...PHONE, baseURL: baseUrl(), locale: 'zh-CN', extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.32' } });
    const [a, b] = await Promise.all([first.newPage(), second.newPage()]);
    await Promise.all([a.goto('/book?resource=SR-101'), b.goto('/book?resource=SR-101')]);
    await fillRequest(a, day, '11:00', firstEmail);
    await fillRequest(b, day, '11:00', waitingEmail);
    await a.getByRole('button', { name: '提交预约申请' }).click();
    await a.getByRole('heading', { name: '预约申请已提交' }).waitFor();
    const reference = (await a.getByTestId('booking-reference').textContent())?.trim() ?? '';

    // The second is refused: alternatives, and the waitlist for the time asked for.
    await b.getByRole('button', { name: '提交预约申请' }).click();
    await b.getByText('该时段无法预约').waitFor();
    await expect.poll(() => b.getByRole('button', { name: /^改为预约/ }).count()).toBeGreaterThan(0);
    await b.getByRole('button', { name: '加入候补' }).click();
    await expect.poll(() => b.getByRole('status').filter({ hasText: '您已加入该时段的候补名单' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await b.getByRole('button', { name: '加入候补' }).isDisabled()).toBe(true);

    // Nothing is free yet: nobody is told.
    expect((await runJob('notify-waitlist')).notified).toBe(0);

    // The first customer cancels from their manage link; the job tells the waiting one.
    const received = await waitForMail(firstEmail, (m) => m.subject.includes(reference));
    const manageLink = new RegExp(`https?://[^\\s"<>]+/m/[A-Za-z0-9_-]{43}`).exec(received.text)?.[0];
    expect(manageLink).toBeDefined();
    await a.goto(manageLink!);
    await a.getByLabel('取消原因').fill('行程有变');
    await a.getByRole('button', { name: '取消这个预约' }).click();
    await a.waitForURL(/done=cancelled/);

    expect((await runJob('notify-waitlist')).notified).toBe(1);
    const told = await waitForMail(waitingEmail, (m) => m.subject.includes('已空出'));
    expect(told.text).toContain('陈先生');
    expect(told.text).toMatch(/\/book\?resource=SR-101/);
    expect((await runJob('notify-waitlist')).notified).toBe(0);
    await Promise.all([first.close(), second.close()]);
  }, 180_000);
});
