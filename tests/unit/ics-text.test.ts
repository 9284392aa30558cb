/** The feeds' iCalendar writer (lib/feeds/ics-text.ts): escaping, UTC times and folding, read back by ical.js. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, writeCalendar } from '@/lib/feeds/ics-text';

describe('feed iCalendar writer', () => {
  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'会议室预约'.repeat(10)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes events a parser reads back exactly', () => {
    const text = writeCalendar({ name: 'MR-302 会议室', prodId: '-//t//t//ZH', refreshMinutes: 15 }, [
      {
        uid: 'booking-1.feed@booking.test',
        sequence: 3,
        stamp: new Date('2026-11-30T08:00:00Z'),
        start: new Date('2026-12-01T01:30:00Z'),
        end: new Date('2026-12-01T02:30:00Z'),
        summary: 'B-101 · 已确认; 注意, 带投影',
        description: '第一行\n第二行 \\ 反斜杠',
        location: '总部 3 楼',
        status: 'TENTATIVE',
      },
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const [vevent] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('booking-1.feed@booking.test');
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe('B-101 · 已确认; 注意, 带投影');
    expect(event.description).toBe('第一行\n第二行 \\ 反斜杠');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });
});
