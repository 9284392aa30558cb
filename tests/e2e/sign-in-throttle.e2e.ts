/**
 * The sign-in throttle as a person meets it: after five wrong passwords for one account from one
 * address the sign-in page says, in their language, how long to wait — and Auth.js's own
 * credentials endpoint refuses the same way (lib/auth/sign-in-throttle.ts holds behind both).
 * The account does not exist, so no other test's sign-in is held up.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sign-in form's message (Next.js keeps an empty route announcer with the same role). */
const formAlert = (page: Page) => page.locator('form [role="alert"]');

describe('sign-in throttle', () => {
  it.each([
    ['zh', 'nobody-zh@example.com', '登录尝试次数过多，请在 1 分钟后再试。'],
    ['en', 'nobody-en@example.com', 'Too many sign-in attempts. Please try again in 1 minute.'],
  ] as const)('tells a %s reader when to try again', async (locale, email, message) => {
    const context = await newContext(browser, undefined, locale);
    const page = await context.newPage();
    await page.goto('/login');
    const submit = page.getByRole('button', { name: /^(登录|Sign in)$/ });
    for (let i = 0; i < 6; i++) {
      // The button reads "signing in…" until the attempt's answer is drawn and the form reset;
      // typing before that would be wiped by React's reset and send an empty password.
      await submit.waitFor();
      await page.getByLabel(/邮箱|Email/).fill(email);
      await page.getByLabel(/密码|Password/).fill(`wrong ${i}`);
      await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        submit.click(),
      ]);
    }
    await expect.poll(() => formAlert(page).innerText()).toBe(message);
    await context.close();
  });

  it('refuses on the credentials endpoint too, and the sign-in page it sends to says so', async () => {
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const post = () =>
      fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ csrfToken, email: 'nobody-zh@example.com', password: 'wrong again', callbackUrl: '/' }),
      });
    const location = (await post()).headers.get('location') ?? '';
    expect(location).toContain('/login?error=CredentialsSignin&code=throttled');

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(location.replace(/^https?:\/\/[^/]+/, ''));
    await expect.poll(() => formAlert(page).innerText()).toBe('登录尝试次数过多，请稍等几分钟再试。');
    await context.close();
  });
});
