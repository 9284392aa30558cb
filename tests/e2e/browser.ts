/** Browser and app helpers shared by the browser tests. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { addWorkingDays, dayInZone } from '@/lib/calendar/working-days';
import { loadBundledHolidays } from '@/lib/demo/holidays';

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export async function newContext(browser: Browser, device = DESKTOP, locale: 'zh' | 'en' = 'zh'): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, baseURL: baseUrl(), locale: locale === 'zh' ? 'zh-CN' : 'en-US' });
  // Always pin the language: a saved account language from an earlier test must not leak in.
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseUrl() }]);
  return context;
}

/** The n-th working day after today in the organisation's zone, by the bundled holiday calendar. */
export function workingDaysAhead(n: number): string {
  const holidays = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
  return addWorkingDays(dayInZone(new Date(), 'Asia/Shanghai'), n, holidays);
}

/** Pages /book's calendar until the day is in view, then shows it (phones show one day at a time). */
export async function showPublicDay(page: Page, day: string): Promise<void> {
  const [, month, date] = day.split('-').map(Number);
  // Among the day buttons only: the shown day's free starts are named after the day too.
  const chip = page.getByRole('group', { name: '选择日期' }).getByRole('button', { name: new RegExp(`^${month}/${date}周`) });
  for (let week = 0; week < 4 && (await chip.count()) === 0; week++) {
    await page.getByRole('button', { name: '下一周' }).click();
  }
  await chip.click();
}

/** On /book, phone width: shows the day, takes the free start at `time` (one hour) and fills in the customer. */
export async function fillPublicRequest(
  page: Page,
  day: string,
  time: string,
  customer: { name: string; company: string; phone: string; email: string },
): Promise<void> {
  await showPublicDay(page, day);
  await page.getByRole('button', { name: new RegExp(` ${time} 起，空闲$`) }).click();
  await page.getByLabel('姓名').fill(customer.name);
  await page.getByLabel('公司名称').fill(customer.company);
  await page.getByLabel('联系电话').fill(customer.phone);
  await page.getByLabel('电子邮箱').fill(customer.email);
}

/** Chooses a resource in a booking form by its code (the option reads "name (code)"). */
export async function chooseResource(page: Page, code: string): Promise<void> {
  const select = page.getByLabel(/^(资源|Resource)/);
  const value = await select.locator('option', { hasText: `(${code})` }).or(select.locator('option', { hasText: `（${code}）` })).getAttribute('value');
  await select.selectOption(value!);
}

export async function signIn(page: Page, email: string, password = 'demo1234'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Signs the context in through Auth.js's credentials endpoint (the CSRF token, then the form
 * post), which the sign-in form's action also ends in, without loading the form and the landing
 * page: for tests whose subject starts after signing in. The form itself is driven by `signIn`
 * where signing in is part of what a test proves (smoke, security, demo accounts, a new
 * person's first sign-in, session revocation).
 */
export async function signInAs(context: BrowserContext, email: string, password = 'demo1234'): Promise<void> {
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/' },
    maxRedirects: 0,
  });
  const cookies = await context.cookies();
  if (!cookies.some((c) => c.name === 'authjs.session-token')) throw new Error(`sign-in as ${email} failed: ${response.status()}`);
}

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Runs a cron job through its HTTP endpoint, as a scheduler would. */
export async function runJob(job: string): Promise<Record<string, number>> {
  const res = await fetch(`${baseUrl()}/api/cron/${job}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('cronSecret')}` },
  });
  if (!res.ok) throw new Error(`cron ${job}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Delivers the outbox and waits until a mail to `to` matching `match` has arrived. */
export async function waitForMail(to: string, match: (mail: CapturedMail) => boolean = () => true): Promise<CapturedMail> {
  // Generous: on two busy cores the outbox may hold a backlog from the tests before.
  const deadline = Date.now() + 60_000;
  for (;;) {
    await runJob('deliver-outbox');
    const dir = inject('mailDir');
    for (const file of (await readdir(dir)).sort().reverse()) {
      const mail = JSON.parse(await readFile(join(dir, file), 'utf8')) as CapturedMail;
      if (mail.to.includes(to.toLowerCase()) && match(mail)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
