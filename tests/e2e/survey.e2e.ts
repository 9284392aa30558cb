/**
 * The follow-up survey in the browser, at a phone's width and from the keyboard only: the demo
 * customer's survey link (the job's mail) opens in English, a score is chosen with the arrow
 * keys, and sending with two questions unanswered shows their messages while keeping what was
 * chosen. The link is not used up (the page sweep opens it too); answering is proven in
 * tests/integration/survey-mail.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, PHONE, runJob, waitForMail } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the survey page', () => {
  it('is answered from the keyboard on a phone; missing scores are named on their questions', async () => {
    await runJob('send-follow-up-surveys');
    const mail = await waitForMail('chen@customer.example.com', (m) => /\/s\/[\w-]{43}/.test(m.text));
    const path = /\/s\/[\w-]{43}/.exec(mail.text)![0];
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await page.goto(path);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('How was your visit?');

    // Into the first question's radio group, then four steps right: 5, Excellent.
    await page.getByRole('radio', { name: /^1/ }).first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const overall = page.getByRole('group', { name: 'Overall, how satisfied are you with the visit?' });
    expect(await overall.getByRole('radio', { name: /^5/ }).isChecked()).toBe(true);
    await page.getByLabel('Anything you would like to tell us? (optional)').fill('Helpful staff');
    await page.getByRole('button', { name: 'Send my answers' }).focus();
    await page.keyboard.press('Enter');

    const condition = page.getByRole('group', { name: 'How was the condition of the place and its equipment?' });
    // The answer comes back from the server: slow under load.
    await expect.poll(() => condition.getByText('Choose a score from 1 to 5.').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('group', { name: 'How was our service?' }).getByText('Choose a score from 1 to 5.').count()).toBe(1);
    expect(await overall.getByRole('radio', { name: /^5/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Anything you would like to tell us? (optional)').inputValue()).toBe('Helpful staff');
    // Nothing fits a 390 px screen badly: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
