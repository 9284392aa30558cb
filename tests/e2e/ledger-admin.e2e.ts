/**
 * The resource editor and people, as admin uses them: a resource added in both languages shows
 * on the public booking page in English; a person added on a phone gets a one-use link, sets a
 * password with it and signs in; the link does not work twice. The reports page draws every
 * chart (the chart library loaded on that page only) with no console error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, PHONE, signIn, signInAs, waitForMail } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('resource editor (desktop, English)', () => {
  it('admin adds a customer-bookable resource in both languages; it is on the ledger and the public booking page', async () => {
    const context = await newContext(browser, DESKTOP, 'en');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page.context(), 'admin@example.com');

    await page.goto('/admin/resources');
    await page.getByRole('link', { name: 'Add a resource' }).click();
    await page.waitForURL('**/admin/resources/new');
    // An empty form is refused with field messages, nothing saved.
    await page.getByRole('button', { name: 'Add resource' }).click();
    await expect.poll(() => page.getByText('This field is required.').count()).toBeGreaterThan(0);

    await page.getByLabel('Code').fill('mr-901');
    await page.getByLabel('Type').selectOption({ label: 'Meeting room' });
    await page.getByLabel('Name (Chinese)').fill('901 会议室');
    await page.getByLabel('Name (English)').fill('Meeting Room 901');
    await page.getByLabel('Location (Chinese)').fill('总部 9 楼');
    await page.getByLabel('Location (English)').fill('HQ, 9th floor');
    await page.getByLabel('Capacity').fill('8');
    await page.getByLabel('Customers may book it').check();
    await page.getByLabel('Facilities').fill('投影仪 | Projector');
    await page.getByRole('button', { name: 'Add resource' }).click();
    await page.waitForURL(/\/admin\/resources\/[0-9a-f-]{36}\?notice=saved/);
    await expect.poll(() => page.getByText('The resource was saved.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /Meeting Room 901/ }).isVisible()).toBe(true);
    expect(await page.locator('section[aria-labelledby="changes"]').innerText()).toContain('Added');

    const visitor = await newContext(browser, DESKTOP, 'en');
    const publicPage = await visitor.newPage();
    await publicPage.goto('/book');
    await expect.poll(() => publicPage.getByText('Meeting Room 901').count()).toBeGreaterThan(0);
    expect(await publicPage.content()).not.toContain('901 会议室');
    await visitor.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('people (phone, Chinese)', () => {
  it('admin adds a person; the e-mailed link sets a password once; the person signs in with it', async () => {
    const context = await newContext(browser, PHONE, 'zh');
    const page = await context.newPage();
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/people');
    await page.getByLabel('姓名').fill('赵新人');
    await page.getByLabel('邮箱').fill('zhao.new@example.com');
    await page.getByRole('combobox', { name: '部门' }).selectOption({ label: '销售部' });
    await page.getByRole('button', { name: '新增人员' }).click();
    await page.waitForURL(/\/admin\/people\/[0-9a-f-]{36}\?notice=created/);
    await expect.poll(() => page.getByText('账号已创建，设置密码的链接已通过邮件发送。').isVisible()).toBe(true);
    await context.close();

    const mail = await waitForMail('zhao.new@example.com');
    expect(mail.subject).toBe('设置预约系统的登录密码');
    const link = /https?:\/\/\S+\/password\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
    const path = new URL(link).pathname;

    const person = await newContext(browser, PHONE, 'zh');
    const own = await person.newPage();
    await own.goto(path);
    await own.getByLabel(/^新密码/).fill('zhao-password-1');
    await own.getByLabel(/^再次输入新密码/).fill('zhao-password-1');
    await own.getByRole('button', { name: '保存密码' }).click();
    await expect.poll(() => own.getByText('密码已设置，现在可以用它登录。').isVisible()).toBe(true);

    await own.goto(path);
    await expect.poll(() => own.getByText(/此链接已失效/).isVisible()).toBe(true);

    await signIn(own, 'zhao.new@example.com', 'zhao-password-1');
    expect(new URL(own.url()).pathname).not.toBe('/login');
    await person.close();
  });
});

describe('reports (desktop, Chinese)', () => {
  it('draws every chart beside its table, with no console error, and offers the tables as Excel', async () => {
    const context = await newContext(browser, DESKTOP, 'zh');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signInAs(page.context(), 'admin@example.com');
    await page.goto('/admin/reports');
    const sections = await page.locator('main section[aria-labelledby^="report-"]').count();
    expect(sections).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.locator('[data-chart="drawn"]').count(), { timeout: 20_000 }).toBe(sections);
    // ECharts may add a second canvas (a hover layer): each chart has at least one.
    expect(await page.locator('[data-chart="drawn"]:not(:has(canvas))').count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(sections);

    const workbook = await page.request.get(await page.getByRole('link', { name: '下载全部表格（Excel）' }).getAttribute('href') as string);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');
    expect(errors).toEqual([]);
    await context.close();
  });
});
