/**
 * A suggestion becomes a rectification item, in the browser: staff send one on a phone from the
 * keyboard; admin answers it and opens an item from it (prefilled with its text), owned by
 * Engineering; Engineering's contact is e-mailed, starts the item in English, and the sender
 * reads the answer.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, PHONE, signInAs, waitForMail } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const MESSAGE = '302 会议室白板笔经常没水，建议每周检查补充';

describe('suggestion to rectification item', () => {
  it('is sent, answered, turned into an item, mailed to the owner department and started', async () => {
    const staffContext = await newContext(browser, PHONE, 'zh');
    const staff = await staffContext.newPage();
    await signInAs(staff.context(), 'staff@example.com');
    await staff.goto('/feedback');
    // From the keyboard: the message, then Enter on the send button.
    await staff.getByLabel('您想说的内容').fill(MESSAGE);
    await staff.getByRole('button', { name: '提交' }).focus();
    await staff.keyboard.press('Enter');
    await expect.poll(() => staff.getByTestId('my-feedback').first().textContent(), { timeout: 20_000 }).toContain(MESSAGE);

    const adminContext = await newContext(browser, DESKTOP, 'zh');
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');
    await admin.goto('/admin/feedback');
    const card = admin.getByTestId('feedback').filter({ hasText: MESSAGE });
    await card.getByLabel('答复').fill('已安排行政部每周检查');
    await card.getByRole('button', { name: '发送答复' }).click();
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('已安排行政部每周检查');

    await card.getByRole('link', { name: '转为整改事项' }).click();
    await admin.waitForURL(/\/rectifications\/new\?sourceKind=suggestion/);
    expect(await admin.getByLabel('整改内容').inputValue()).toBe(MESSAGE);
    await admin.getByLabel('责任部门').selectOption({ label: '技术部' });
    await admin.getByLabel('截止日期').fill('2030-03-20');
    await admin.getByRole('button', { name: '创建事项' }).click();
    await admin.waitForURL(/\/rectifications\/[0-9a-f-]{36}\?notice=created/);
    expect(await admin.getByRole('main').textContent()).toContain('来自意见建议');

    const mail = await waitForMail('staff2@example.com', (m) => m.subject.includes(MESSAGE));
    const link = /http:\/\/[^\s]+\/rectifications\/[0-9a-f-]{36}/.exec(mail.text)![0];

    const contactContext = await newContext(browser, DESKTOP, 'en');
    const contact = await contactContext.newPage();
    await signInAs(contact.context(), 'staff2@example.com');
    await contact.goto(new URL(link).pathname);
    await contact.getByLabel('Note (optional)').fill('Ordered new markers');
    await contact.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => contact.getByRole('main').textContent(), { timeout: 20_000 }).toContain('Open → In progress');
    expect(await contact.getByRole('button', { name: 'Verify' }).count()).toBe(0);

    await staff.reload();
    expect(await staff.getByTestId('my-feedback').filter({ hasText: MESSAGE }).textContent()).toContain('已安排行政部每周检查');
    await Promise.all([staffContext.close(), adminContext.close(), contactContext.close()]);
  });
});
