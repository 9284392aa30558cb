/** The booking calendars' time handling: wall clocks in the organisation's zone and the bookable windows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';
import type { HolidayCalendar } from '@/lib/calendar/working-days';
import { openingWindows } from '@/lib/staff-booking/opening-windows';
import { instantOf, splitWallClock, toWallClock } from '@/lib/staff-booking/wall-clock';

const calendar2026: HolidayCalendar = new Map(
  parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8')).map((h) => [h.date, h.kind]),
);
const meetingRoom = { opensAt: '08:30:00', closesAt: '18:00:00', workingDaysOnly: true };
const days = (windows: { start: string }[]) => windows.map((w) => w.start.slice(0, 10));

describe(`wall clocks in the organisation's zone (process TZ ${process.env.TZ})`, () => {
  it('turns an instant into Shanghai wall-clock time and back, whatever the process zone', () => {
    const instant = new Date('2026-05-06T02:30:00Z');
    expect(toWallClock(instant, 'Asia/Shanghai')).toBe('2026-05-06T10:30');
    expect(instantOf('2026-05-06', '10:30', 'Asia/Shanghai')?.toISOString()).toBe(instant.toISOString());
    // Late evening in Shanghai is still the previous day in UTC.
    expect(instantOf('2026-05-07', '07:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-05-06T23:00:00.000Z');
  });

  it('refuses what is not a day and a clock time', () => {
    expect(instantOf('', '10:00', 'Asia/Shanghai')).toBeNull();
    expect(instantOf('2026-05-06', '25:00', 'Asia/Shanghai')).toBeNull();
    expect(instantOf('06/05/2026', '10:00', 'Asia/Shanghai')).toBeNull();
    expect(splitWallClock('2026-05-06T10:30')).toEqual({ day: '2026-05-06', clock: '10:30' });
    expect(splitWallClock('2026-05-06 10:30')).toBeNull();
  });
});

describe('bookable windows', () => {
  it('follow the holiday calendar: no windows on the May Day holidays or Sunday, one on the 调休 Saturday', () => {
    const windows = openingWindows(meetingRoom, '2026-05-01', '2026-05-12', calendar2026, null);
    expect(days(windows)).toEqual(['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11']);
    expect(windows[0]).toEqual({ start: '2026-05-06T08:30', end: '2026-05-06T18:00' });
  });

  it('cover every day for a resource open every day', () => {
    const windows = openingWindows({ ...meetingRoom, workingDaysOnly: false }, '2026-05-01', '2026-05-04', calendar2026, null);
    expect(days(windows)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
  });

  it('start at the first day the lead time allows and end at the horizon', () => {
    const limits = { firstDay: '2026-05-08', lastDay: '2026-05-09', today: '2026-05-06', nowMinutes: 600 };
    expect(days(openingWindows(meetingRoom, '2026-05-04', '2026-05-12', calendar2026, limits))).toEqual(['2026-05-08', '2026-05-09']);
  });

  it('open today only from the next quarter hour, and not at all after closing time', () => {
    const today = { firstDay: '2026-05-06', lastDay: '2026-06-30', today: '2026-05-06' };
    const morning = openingWindows(meetingRoom, '2026-05-06', '2026-05-07', calendar2026, { ...today, nowMinutes: 10 * 60 + 7 });
    expect(morning).toEqual([{ start: '2026-05-06T10:15', end: '2026-05-06T18:00' }]);
    const evening = openingWindows(meetingRoom, '2026-05-06', '2026-05-07', calendar2026, { ...today, nowMinutes: 17 * 60 + 50 });
    expect(evening).toEqual([]);
  });
});
