import { describe, expect, it } from 'vitest';
import { dayInZone, minutesInZone } from '@/lib/calendar/working-days';
import { clockOf, toWallClock } from '@/lib/staff-booking/wall-clock';

/** The plain conversion through TZDate, which toWallClock must agree with. */
const reference = (instant: Date, timeZone: string) => `${dayInZone(instant, timeZone)}T${clockOf(minutesInZone(instant, timeZone))}`;

describe('toWallClock', () => {
  it('agrees with TZDate minute by minute across daylight-saving changes and in zones without them', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    // Around the 2030 spring and autumn changes of the northern and southern zones above.
    const starts = ['2030-03-10T04:00:00Z', '2030-03-31T00:00:00Z', '2030-04-06T14:00:00Z', '2030-10-27T00:00:00Z', '2030-11-03T04:00:00Z'];
    for (const timeZone of zones) {
      for (const start of starts) {
        for (let minute = -90; minute <= 90; minute += 7) {
          const instant = new Date(Date.parse(start) + minute * 60_000);
          expect(toWallClock(instant, timeZone)).toBe(reference(instant, timeZone));
        }
      }
    }
  });

  it("gives the organisation's wall clock", () => {
    expect(toWallClock(new Date('2030-03-04T01:30:00Z'), 'Asia/Shanghai')).toBe('2030-03-04T09:30');
    expect(toWallClock(new Date('2030-03-10T06:59:00Z'), 'America/New_York')).toBe('2030-03-10T01:59');
    expect(toWallClock(new Date('2030-03-10T07:00:00Z'), 'America/New_York')).toBe('2030-03-10T03:00');
  });
});
