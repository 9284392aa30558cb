import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HolidayImportError, parseHolidayCsv, parseHolidayIcs } from '@/lib/calendar/holiday-import';

describe('holiday import', () => {
  it('reads the official 2026 schedule with its make-up working days', () => {
    const entries = parseHolidayCsv(readFileSync('db/data/holidays-cn-2026.csv', 'utf8'));
    expect(entries.find((e) => e.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'makeup_workday', name: '春节' });
    expect(entries.filter((e) => e.kind === 'holiday')).toHaveLength(33);
  });

  it('accepts the quoted fields of a spreadsheet export', () => {
    const entries = parseHolidayCsv('date,kind,name\r\n"2027-05-01","holiday","劳动节"\r\n');
    expect(entries).toEqual([{ date: '2027-05-01', kind: 'holiday', name: '劳动节' }]);
  });

  it('names the line of a bad row', () => {
    expect(() => parseHolidayCsv('date,kind,name\n2027-05-01,holiday,劳动节\n2027-13-01,holiday,x\n')).toThrow(HolidayImportError);
    expect(() => parseHolidayCsv('date,kind,name\n2027-05-01,holiday,劳动节\n2027-13-01,holiday,x\n')).toThrow(/line 3/);
  });

  it('reads an .ics calendar, multi-day events and 补班 days', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;VALUE=DATE:20270501',
      'DTEND;VALUE=DATE:20270504',
      'SUMMARY:劳动节',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART;VALUE=DATE:20270509',
      'DTEND;VALUE=DATE:20270510',
      'SUMMARY:劳动节（补班）',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseHolidayIcs(ics)).toEqual([
      { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
      { date: '2027-05-02', kind: 'holiday', name: '劳动节' },
      { date: '2027-05-03', kind: 'holiday', name: '劳动节' },
      { date: '2027-05-09', kind: 'makeup_workday', name: '劳动节' },
    ]);
  });
});
