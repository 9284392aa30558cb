/**
 * Dates in e-mails (issue 10 defect 8): English mails read "Wed 2 Dec 2026, 09:30–11:30 (China
 * Standard Time)" — never 12/02 — and Chinese mails "2026年12月2日（周三）09:30–11:30（北京时间）",
 * in the organisation's zone whatever the process TZ (this file runs under two), with the
 * sender signed in the mail's language.
 */
import { describe, expect, it } from 'vitest';
import { formatInstant, formatSlot } from '@/emails/components/format';
import { renderEmail } from '@/lib/mail/render';
import { senderFor } from '@/lib/mail/config';
import Approved from '@/emails/approved';

const SHANGHAI = 'Asia/Shanghai';
// Wednesday 2 December 2026, 09:30–11:30 in Shanghai.
const start = '2026-12-02T01:30:00.000Z';
const end = '2026-12-02T03:30:00.000Z';

describe('slots and instants in e-mails', () => {
  it('English: weekday, day, month in words, year, 24-hour times and the zone by name', () => {
    expect(formatSlot(start, end, 'en', SHANGHAI)).toBe('Wed 2 Dec 2026, 09:30–11:30 (China Standard Time)');
    expect(formatInstant('2026-11-25T02:00:00.000Z', 'en', SHANGHAI)).toBe('Wed 25 Nov 2026, 10:00 (China Standard Time)');
  });

  it('Chinese: 年月日 with the weekday, and Beijing time', () => {
    expect(formatSlot(start, end, 'zh', SHANGHAI)).toBe('2026年12月2日（周三）09:30–11:30（北京时间）');
    expect(formatInstant('2026-11-25T02:00:00.000Z', 'zh', SHANGHAI)).toBe('2026年11月25日（周三）10:00（北京时间）');
  });

  it('repeats the date when a slot ends on another day (after midnight it is 00:xx, not 24:xx)', () => {
    const lateStart = '2026-12-02T14:00:00.000Z'; // 22:00 in Shanghai
    const nextDay = '2026-12-02T16:30:00.000Z'; // 00:30 the next day
    expect(formatSlot(lateStart, nextDay, 'en', SHANGHAI)).toBe('Wed 2 Dec 2026, 22:00 – Thu 3 Dec 2026, 00:30 (China Standard Time)');
    expect(formatSlot(lateStart, nextDay, 'zh', SHANGHAI)).toBe('2026年12月2日（周三）22:00 – 2026年12月3日（周四）00:30（北京时间）');
  });

  it('names another organisation zone as it stands on that date (summer or standard time)', () => {
    const summer = '2026-07-01T08:00:00.000Z';
    const winter = '2026-12-01T09:00:00.000Z';
    expect(formatInstant(summer, 'en', 'Europe/Berlin')).toBe('Wed 1 Jul 2026, 10:00 (Central European Summer Time)');
    expect(formatInstant(winter, 'en', 'Europe/Berlin')).toBe('Tue 1 Dec 2026, 10:00 (Central European Standard Time)');
    expect(formatInstant(summer, 'zh', 'Europe/Berlin')).toBe('2026年7月1日（周三）10:00（中欧夏令时间）');
  });
});

describe('rendered e-mails', () => {
  const payload = Object.fromEntries(Object.entries(Approved.PreviewProps).filter(([key]) => key !== 'locale'));
  const render = (locale: 'zh' | 'en') =>
    renderEmail({ template: 'approved', locale, payload, toAddress: 'a@example.com', bookingId: null });

  it('English: slot and deadline in the unambiguous form, in the text and the HTML', async () => {
    const mail = await render('en');
    expect(mail.text).toContain('Tue 1 Dec 2026, 09:30–11:30 (China Standard Time)');
    expect(mail.text).toContain('Wed 25 Nov 2026, 10:00 (China Standard Time)');
    expect(mail.html).toContain('Tue 1 Dec 2026, 09:30–11:30 (China Standard Time)');
    expect(mail.text).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(mail.senderName).toBe('Resource Booking');
  });

  it('Chinese: the same slot and deadline read naturally', async () => {
    const mail = await render('zh');
    expect(mail.text).toContain('2026年12月1日（周二）09:30–11:30（北京时间）');
    expect(mail.text).toContain('2026年11月25日（周三）10:00（北京时间）');
    expect(mail.text).not.toContain('Asia/Shanghai');
    expect(mail.senderName).toBe('资源预约');
  });

  it('signs each mail in its language unless MAIL_FROM names the sender itself', () => {
    const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
    expect(senderFor('Resource Booking', env({}))).toEqual({ name: 'Resource Booking', address: 'booking@example.com' });
    expect(senderFor('资源预约', env({ MAIL_FROM: 'rooms@corp.example' }))).toEqual({ name: '资源预约', address: 'rooms@corp.example' });
    expect(senderFor('Resource Booking', env({ MAIL_FROM: 'Acme Rooms <rooms@corp.example>' }))).toBe('Acme Rooms <rooms@corp.example>');
  });
});
