/**
 * A forged reply through the running app's inbound route: written to a booking's reply address
 * by hand (no signature), it changes nothing and admin finds it on the mail page, in both
 * languages.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, launchBrowser, newContext, signInAs, workingDaysAhead } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a reply to an unsigned address', () => {
  it('is refused, changes nothing, and is listed for admin', async () => {
    const admin = await newContext(browser);
    const page = await admin.newPage();
    await signInAs(page.context(), 'admin@example.com');
    const cookie = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const api = async (path: string) => (await fetch(`${baseUrl()}${path}`, { headers: { cookie } })).json();
    // A customer's request of the test's own (the demo data's may have been decided by the tests
    // before this one), from an address of its own: the public rate limit counts per address.
    const resources = (await api('/api/v1/public/resources')).resources as { id: string; code: string }[];
    const day = workingDaysAhead(9);
    const created = await fetch(`${baseUrl()}/api/v1/public/booking-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
      body: JSON.stringify({
        resourceId: resources.find((r) => r.code === 'MR-501')!.id,
        startAt: `${day}T16:00:00+08:00`,
        endAt: `${day}T17:00:00+08:00`,
        name: '周先生',
        company: '苏州幕墙工程有限公司',
        phone: '0512-6666 0000',
        email: `forged-${Date.now()}@example.com`,
        visitors: 2,
      }),
    });
    expect(created.status).toBe(201);
    const { reference } = (await created.json()) as { reference: string };
    const { bookings } = await api(`/api/v1/bookings?q=${reference}`);
    const target = bookings[0] as { id: string; reference: string };
    expect(target.reference).toBe(reference);
    const before = (await api(`/api/v1/bookings/${target.id}`)).booking as { status: string; version: number };

    const raw = await new MailComposer({
      from: 'mallory@evil.example',
      to: `reply+${target.id}@127.0.0.1`,
      subject: `Re: ${target.reference} forged`,
      text: 'confirm',
    })
      .compile()
      .build();
    const response = await fetch(`${baseUrl()}/api/inbound/email`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('inboundSecret')}`, 'content-type': 'message/rfc822' },
      body: new Uint8Array(raw),
    });
    expect(await response.json()).toEqual({ outcome: 'refused', reason: 'unsigned', bookingId: target.id });
    const after = await api(`/api/v1/bookings/${target.id}`);
    expect(after.booking).toMatchObject({ status: before.status, version: before.version });

    await page.goto('/admin/outbox');
    const section = page.locator('section', { has: page.getByRole('heading', { name: /已拒收的回复/ }) });
    await expect.poll(() => section.getByRole('row').filter({ hasText: 'mallory@evil.example' }).innerText()).toContain(target.reference);
    expect(await section.getByRole('row').filter({ hasText: 'mallory@evil.example' }).innerText()).toContain('无签名');

    const english = await newContext(browser, undefined, 'en');
    const enPage = await english.newPage();
    await signInAs(enPage.context(), 'admin@example.com');
    await enPage.goto('/admin/outbox');
    await expect.poll(() => enPage.getByRole('heading', { name: /Refused replies \(\d+\)/ }).count()).toBe(1);
    expect(await enPage.getByRole('row').filter({ hasText: 'mallory@evil.example' }).innerText()).toContain('No signature');
    await Promise.all([admin.close(), english.close()]);
  });
});
