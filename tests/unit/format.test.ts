/**
 * Times show in the organisation's zone whatever the server's TZ: this file runs under
 * Asia/Shanghai and America/New_York (vitest.config.ts), with the same expectations.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRange, formatTime } from '@/lib/i18n/format';

const ORG_ZONE = 'Asia/Shanghai';
// 17:00 UTC on 1 March is 01:00 on Monday 2 March in Shanghai, but still noon on 1 March in New York.
const start = new Date('2026-03-01T17:00:00Z');
const end = new Date('2026-03-01T18:30:00Z');

describe(`formatting in the org time zone (process TZ ${process.env.TZ})`, () => {
  it('renders Shanghai wall time in Chinese', () => {
    expect(formatTime(start, 'zh', ORG_ZONE)).toBe('01:00');
    expect(formatDate(start, 'zh', ORG_ZONE)).toBe('2026/03/02周一');
    expect(formatDateTime(start, 'zh', ORG_ZONE)).toBe('2026/03/02周一 01:00');
    expect(formatRange(start, end, 'zh', ORG_ZONE)).toBe('2026/03/02周一 01:00 – 02:30');
  });

  it('renders Shanghai wall time in English', () => {
    expect(formatTime(start, 'en', ORG_ZONE)).toBe('01:00');
    expect(formatDate(start, 'en', ORG_ZONE)).toBe('Mon, 03/02/2026');
    expect(formatDateTime(start, 'en', ORG_ZONE)).toBe('Mon, 03/02/2026, 01:00');
    expect(formatRange(start, end, 'en', ORG_ZONE)).toBe('Mon, 03/02/2026, 01:00 – 02:30');
  });

  it('never shows the server zone’s day or hour', () => {
    for (const locale of ['zh', 'en'] as const) {
      const text = formatDateTime(start, locale, ORG_ZONE);
      expect(text).not.toMatch(/03\/01|12:00/);
    }
  });

  it('follows a different org zone when the setting changes', () => {
    expect(formatDateTime(start, 'en', 'Europe/Berlin')).toBe('Sun, 03/01/2026, 18:00');
  });

  it('shows the minutes after midnight as 00:xx, not 24:xx', () => {
    const afterMidnight = new Date('2026-03-01T16:46:00Z'); // 00:46 in Shanghai
    expect(formatTime(afterMidnight, 'en', ORG_ZONE)).toBe('00:46');
    expect(formatTime(afterMidnight, 'zh', ORG_ZONE)).toBe('00:46');
  });
});
