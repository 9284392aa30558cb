/**
 * The staff week calendar while a change request waits for admin: the time asked for is held,
 * and drawn as such — striped, dashed, "held for a change request" — beside the booking, which
 * has not moved. Another member of staff sees it on the resource's calendar; the applicant's own
 * hold links to their booking. The booking is filed and the change asked for through the API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { ApiClient } from './api-client';
import { DESKTOP, launchBrowser, newContext, signInAs } from './browser';

const TIME_ZONE = 'Asia/Shanghai';
const holidays = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
const workingDay = (ahead: number) => addWorkingDays(dayInZone(new Date(), TIME_ZONE), ahead, holidays);
const hour = (day: string, h: number) => ({
  startAt: zonedInstant(day, `${String(h).padStart(2, '0')}:00`, TIME_ZONE).toISOString(),
  endAt: zonedInstant(day, `${String(h + 1).padStart(2, '0')}:00`, TIME_ZONE).toISOString(),
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages the week view forward until an event matching `text` is drawn (the hold may be next week). */
async function findHold(page: Page, text: string) {
  const hold = page.locator('.fc-event-change-hold', { hasText: text });
  for (let week = 0; week < 3; week++) {
    const drawn = await expect
      .poll(() => hold.count(), { timeout: 5_000 })
      .toBeGreaterThan(0)
      .then(
        () => true,
        () => false,
      );
    if (drawn) break;
    await page.locator('.fc-next-button').click();
  }
  return hold;
}

describe('a pending change request on the staff calendar', () => {
  it('is drawn as held for a change request, apart from bookings', async () => {
    const applicant = new ApiClient();
    await applicant.signIn('staff@example.com');
    const resources = await applicant.call('GET', '/api/v1/resources');
    const room = (resources.json.resources as { id: string; code: string }[]).find((r) => r.code === 'MR-601')!;
    const purpose = `改期占用测试 ${Date.now()}`;

    // A booking on the second working day ahead (the first free hour), then a request to move it a day on.
    let bookingId = '';
    for (let h = 9; h <= 16 && !bookingId; h++) {
      const created = await applicant.call('POST', '/api/v1/bookings', { resourceId: room.id, ...hour(workingDay(2), h), purpose, attendees: 8 });
      if (created.status === 201) bookingId = created.json.id;
      else expect(created.status, created.text).toBe(409);
    }
    let asked = false;
    for (let h = 16; h >= 9 && !asked; h--) {
      const change = await applicant.call('POST', `/api/v1/bookings/${bookingId}/request-change`, { ...hour(workingDay(3), h), reason: '客户改期' });
      if (change.status === 201) asked = true;
      else expect(change.status, change.text).toBe(409);
    }
    expect(asked).toBe(true);

    // Another member of staff: the hold is drawn on the resource's calendar, marked as such.
    const context = await newContext(browser, DESKTOP, 'zh');
    const page = await context.newPage();
    await signInAs(page.context(), 'staff2@example.com');
    await page.goto(`/calendar?resourceId=${room.id}`);
    const hold = await findHold(page, `改期申请占用：${purpose}`);
    await expect.poll(() => hold.count(), { timeout: 10_000 }).toBe(1);
    expect(await hold.getAttribute('href')).toBeNull();
    await expect.poll(() => page.getByRole('list', { name: '图例' }).textContent()).toContain('改期申请占用（待审批）');

    // The applicant's own hold is theirs, and opens their booking.
    const own = await newContext(browser, DESKTOP, 'zh');
    const mine = await own.newPage();
    await signInAs(mine.context(), 'staff@example.com');
    await mine.goto(`/calendar?resourceId=${room.id}`);
    const ownHold = await findHold(mine, `我的：改期申请占用：${purpose}`);
    await expect.poll(() => ownHold.count(), { timeout: 10_000 }).toBe(1);
    expect(await ownHold.getAttribute('href')).toBe(`/bookings/${bookingId}`);
    await Promise.all([context.close(), own.close()]);
  }, 180_000);
});
