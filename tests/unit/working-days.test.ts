import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';
import {
  addWorkingDays,
  dayInZone,
  earliestStaffStartDay,
  isWorkingDay,
  minutesInZone,
  mondayOf,
  nextWorkingDay,
  zonedInstant,
  type HolidayCalendar,
} from '@/lib/calendar/working-days';

// The official 2026 schedule, as the seed and admin's import load it.
const calendar2026: HolidayCalendar = new Map(
  parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8')).map((h) => [
    h.date,
    h.kind,
  ]),
);
// Year end: the 2026 calendar plus New Year's Day 2027 (a Friday).
const acrossYearEnd: HolidayCalendar = new Map([...calendar2026, ['2027-01-01', 'holiday']]);

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe(`working days (process TZ ${process.env.TZ})`, () => {
  it.each([
    ['2026-03-02', true], // Monday
    ['2026-03-06', true], // Friday
    ['2026-03-07', false], // Saturday
    ['2026-03-08', false], // Sunday
  ])('plain weeks: %s working = %s', (day, working) => {
    expect(isWorkingDay(day, calendar2026)).toBe(working);
  });

  it.each(['2026-01-01', '2026-02-16', '2026-04-06', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-07'])(
    'official holiday %s on a weekday is not a working day',
    (day) => {
      expect(new Date(`${day}T00:00:00Z`).getUTCDay()).not.toBe(0);
      expect(isWorkingDay(day, calendar2026)).toBe(false);
    },
  );

  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    '调休 make-up day %s (a weekend day) is a working day',
    (day) => {
      expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(isWorkingDay(day, calendar2026)).toBe(true);
    },
  );

  it('adds working days across weekends, holidays and make-up days', () => {
    expect(addWorkingDays('2026-03-06', 1, calendar2026)).toBe('2026-03-09'); // Fri → Mon
    expect(addWorkingDays('2026-09-30', 1, calendar2026)).toBe('2026-10-08'); // over National Day
    expect(addWorkingDays('2026-09-30', 3, calendar2026)).toBe('2026-10-10'); // Thu, Fri, make-up Sat
    expect(addWorkingDays('2026-02-13', 1, calendar2026)).toBe('2026-02-14'); // make-up Saturday
    expect(addWorkingDays('2026-02-14', 1, calendar2026)).toBe('2026-02-24'); // over Spring Festival
    expect(addWorkingDays('2026-01-02', 1, calendar2026)).toBe('2026-01-04'); // make-up Sunday
    expect(nextWorkingDay('2026-10-03', calendar2026)).toBe('2026-10-08');
    expect(nextWorkingDay('2026-10-10', calendar2026)).toBe('2026-10-10');
  });

  it('crosses the year end', () => {
    expect(addWorkingDays('2026-12-31', 1, acrossYearEnd)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-31', 2, acrossYearEnd)).toBe('2027-01-05');
    // Without next year's schedule loaded, 1 January is an ordinary Friday.
    expect(addWorkingDays('2026-12-31', 1, calendar2026)).toBe('2027-01-01');
    expect(addWorkingDays('2026-12-30', 0, acrossYearEnd)).toBe('2026-12-30');
  });

  describe('staff lead time', () => {
    // Wednesday 30 September 2026, 10:00 in Shanghai.
    const filed = new Date('2026-09-30T02:00:00Z');

    it.each([
      [0, '2026-09-30'],
      [1, '2026-10-08'],
      [3, '2026-10-10'],
    ])('lead %i working days → earliest %s', (lead, earliest) => {
      expect(earliestStaffStartDay(filed, lead, SHANGHAI, calendar2026)).toBe(earliest);
    });

    it('counts from the filing day in the organisation zone, not the server zone', () => {
      // Friday 13 Feb 2026 17:00 UTC is already Saturday 14 Feb (a make-up day) in Shanghai,
      // but still Friday noon in New York.
      const lateFriday = new Date('2026-02-13T17:00:00Z');
      expect(earliestStaffStartDay(lateFriday, 1, SHANGHAI, calendar2026)).toBe('2026-02-24');
      expect(earliestStaffStartDay(lateFriday, 1, NEW_YORK, calendar2026)).toBe('2026-02-14');
      expect(earliestStaffStartDay(lateFriday, 0, SHANGHAI, calendar2026)).toBe('2026-02-14');
    });

    it('filed on a holiday: lead 0 is that day, lead 1 the next working day', () => {
      const holiday = new Date('2026-10-03T04:00:00Z');
      expect(earliestStaffStartDay(holiday, 0, SHANGHAI, calendar2026)).toBe('2026-10-03');
      expect(earliestStaffStartDay(holiday, 1, SHANGHAI, calendar2026)).toBe('2026-10-08');
      expect(earliestStaffStartDay(new Date('2026-12-31T08:00:00Z'), 1, SHANGHAI, acrossYearEnd)).toBe('2027-01-04');
    });
  });

  describe('time zones', () => {
    it('dayInZone gives the calendar day in the named zone', () => {
      const instant = new Date('2026-12-31T16:30:00Z');
      expect(dayInZone(instant, SHANGHAI)).toBe('2027-01-01');
      expect(dayInZone(instant, NEW_YORK)).toBe('2026-12-31');
      expect(dayInZone(new Date('2026-03-01T15:59:59Z'), SHANGHAI)).toBe('2026-03-01');
      expect(dayInZone(new Date('2026-03-01T16:00:00Z'), SHANGHAI)).toBe('2026-03-02');
    });

    it('zonedInstant places a wall-clock time in the named zone', () => {
      expect(zonedInstant('2026-12-01', '09:30', SHANGHAI).toISOString()).toBe('2026-12-01T01:30:00.000Z');
      expect(zonedInstant('2026-12-01', '09:30:00', SHANGHAI).toISOString()).toBe('2026-12-01T01:30:00.000Z');
      expect(zonedInstant('2027-01-01', '00:00', SHANGHAI).toISOString()).toBe('2026-12-31T16:00:00.000Z');
      // New York: standard time in December, daylight saving time in July.
      expect(zonedInstant('2026-12-01', '09:30', NEW_YORK).toISOString()).toBe('2026-12-01T14:30:00.000Z');
      expect(zonedInstant('2026-07-01', '09:30', NEW_YORK).toISOString()).toBe('2026-07-01T13:30:00.000Z');
    });

    it('minutesInZone and zonedInstant agree', () => {
      const instant = zonedInstant('2026-05-09', '17:45', SHANGHAI);
      expect(minutesInZone(instant, SHANGHAI)).toBe(17 * 60 + 45);
      expect(dayInZone(instant, SHANGHAI)).toBe('2026-05-09');
      expect(minutesInZone(instant, NEW_YORK)).toBe(5 * 60 + 45);
    });
  });

  it('finds the Monday a week starts on, across a month and a year', () => {
    expect(mondayOf('2026-12-14')).toBe('2026-12-14');
    expect(mondayOf('2026-12-20')).toBe('2026-12-14');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
  });
});
