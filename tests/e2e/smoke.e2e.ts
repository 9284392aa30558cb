import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, PHONE, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const roles = [
  { email: 'staff@example.com', landing: /\/$/ },
  { email: 'staff2@example.com', landing: /\/$/ },
  { email: 'service@example.com', landing: /\/desk$/ },
  { email: 'admin@example.com', landing: /\/admin$/ },
];

describe('smoke: every demo role signs in, reads Chinese, switches to English and back, signs out', () => {
  it.each(roles)('$email', async ({ email, landing }) => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/login');
    // Customers are sent on to the public booking page, by a link.
    expect(await page.getByRole('link', { name: '公开预约页面' }).getAttribute('href')).toBe('/book');
    await signIn(page, email);
    expect(new URL(page.url()).pathname).toMatch(landing);
    // Admin pages are checked on the server: for anyone else they do not exist.
    const adminPage = await page.goto('/admin/resources');
    expect(adminPage?.status()).toBe(email === 'admin@example.com' ? 200 : 404);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/[\u4e00-\u9fff]/);

    await page.getByRole('button', { name: 'English' }).first().click();
    // The switch is a round trip (the cookie, then the page again in English).
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).not.toMatch(/[\u4e00-\u9fff]/);

    // And back: the switch is saved on the account, and other files expect these accounts'
    // e-mails in Chinese whichever order the files run in.
    await page.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('zh-CN');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/[\u4e00-\u9fff]/);

    const signOut = page.getByRole('button', { name: '退出登录' });
    if (!(await signOut.isVisible())) await page.getByRole('button', { name: /菜单/ }).first().click();
    await signOut.click();
    await page.waitForURL(/\/login/);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await context.close();
  });
});
