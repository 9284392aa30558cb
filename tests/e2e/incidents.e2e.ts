/**
 * A blocking damage report in the browser: reported through the JSON API, the resource shows as
 * under maintenance on the staff calendar (/calendar, all resources and the one resource) and on
 * the public page (/book, at a phone width); admin resolves it on /admin/incidents and the notice
 * is gone. The sample warehouse (SW-B1) is used: no other browser test books it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, launchBrowser, newContext, PHONE, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DESCRIPTION = '货架倾斜，暂停使用';

const maintenanceNotice = (page: Page) => page.getByTestId('maintenance-notice');

describe('a blocking damage report', () => {
  it('shows the resource under maintenance on /calendar and /book until admin resolves it', async () => {
    const adminContext = await newContext(browser, DESKTOP, 'zh');
    const admin = await adminContext.newPage();
    await signInAs(admin.context(), 'admin@example.com');

    const resources = (await (await admin.request.get('/api/v1/resources')).json()) as { resources: { id: string; code: string }[] };
    const warehouse = resources.resources.find((r) => r.code === 'SW-B1')!;
    const reported = await admin.request.post(`/api/v1/resources/${warehouse.id}/incidents`, {
      data: { severity: 'blocking', description: DESCRIPTION },
      headers: { Origin: baseUrl() },
    });
    expect(reported.status()).toBe(201);
    const { id } = (await reported.json()) as { id: string };

    // Staff calendar, every resource: the notice names the resource; the grid shades the period.
    const staffContext = await newContext(browser, DESKTOP, 'zh');
    const staff = await staffContext.newPage();
    await signInAs(staff.context(), 'staff@example.com');
    await staff.goto('/calendar');
    await expect.poll(() => maintenanceNotice(staff).textContent(), { timeout: 20_000 }).toContain('SW-B1 自');
    expect(await maintenanceNotice(staff).textContent()).toContain('停用维修，恢复时间待定');
    expect(await maintenanceNotice(staff).textContent()).toContain(DESCRIPTION);
    await expect.poll(() => staff.locator('.fc-bg-event', { hasText: `维修中：${DESCRIPTION}` }).count()).toBeGreaterThan(0);

    // One resource, in English.
    const englishContext = await newContext(browser, DESKTOP, 'en');
    const english = await englishContext.newPage();
    await signInAs(english.context(), 'staff2@example.com');
    await english.goto(`/calendar?resourceId=${warehouse.id}`);
    await expect.poll(() => maintenanceNotice(english).textContent(), { timeout: 20_000 }).toContain('This resource is under maintenance from');
    expect(await maintenanceNotice(english).textContent()).toContain('until further notice');

    // The public page on a phone: said in words, and no start is offered.
    const publicContext = await newContext(browser, PHONE, 'zh');
    const visitor = await publicContext.newPage();
    await visitor.goto('/book?resource=SW-B1');
    await expect.poll(() => maintenanceNotice(visitor).textContent(), { timeout: 15_000 }).toContain('该资源自');
    expect(await maintenanceNotice(visitor).textContent()).toContain('停用维修，恢复时间待定，期间不可预约');
    expect(await maintenanceNotice(visitor).textContent()).not.toContain(DESCRIPTION);

    // Admin resolves it on the incident list; the maintenance ends.
    await admin.goto('/admin/incidents');
    const item = admin.getByTestId('incident').filter({ hasText: DESCRIPTION });
    await item.getByLabel('处理情况').fill('已更换货架');
    await item.getByRole('button', { name: '标记为已处理' }).click();
    // The list shows it resolved, with the notes, in place of the form.
    await expect
      .poll(() => admin.getByTestId('incident').filter({ hasText: DESCRIPTION }).textContent(), { timeout: 20_000 })
      .toContain('已处理：已更换货架');
    const incidents = await admin.request.post(`/api/v1/incidents/${id}/resolve`, { data: { notes: '再次' }, headers: { Origin: baseUrl() } });
    expect(incidents.status()).toBe(409);

    const availability = visitor.waitForResponse((r) => r.url().includes('/api/v1/public/availability') && r.ok());
    await visitor.reload();
    const answer = (await (await availability).json()) as { maintenance: unknown[] };
    expect(answer.maintenance).toEqual([]);
    await expect.poll(() => maintenanceNotice(visitor).count()).toBe(0);

    // Within seconds of the first visit: what the calendar drew must not be reused unasked (its
    // first week, preloaded from the route, is kept only to be revalidated: private, no-cache).
    await staff.reload();
    await staff.locator('.booking-calendar[aria-busy="false"] .fc-timegrid-col').first().waitFor();
    await expect.poll(() => maintenanceNotice(staff).count()).toBe(0);

    await Promise.all([adminContext.close(), staffContext.close(), englishContext.close(), publicContext.close()]);
  }, 240_000);
});
