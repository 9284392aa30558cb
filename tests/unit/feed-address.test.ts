import { describe, expect, it } from 'vitest';
import { calendarFeedAddress, feedScope, weeksAround } from '@/lib/staff-booking/feed-address';

describe('calendar feed address', () => {
  it('covers the days shown with whole weeks, Monday to Monday', () => {
    // 2026-12-07 is a Monday, 2026-12-13 a Sunday.
    expect(weeksAround({ from: '2026-12-07', to: '2026-12-08' })).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    expect(weeksAround({ from: '2026-12-13', to: '2026-12-14' })).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    expect(weeksAround({ from: '2026-12-07', to: '2026-12-14' })).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    // Across a year's end, and a range that spans two weeks.
    expect(weeksAround({ from: '2026-12-31', to: '2027-01-01' })).toEqual({ from: '2026-12-28', to: '2027-01-04' });
    expect(weeksAround({ from: '2026-12-10', to: '2026-12-16' })).toEqual({ from: '2026-12-07', to: '2026-12-21' });
  });

  it('is the same address for the same look-up, whichever way the scope was given', () => {
    const weeks = { from: '2026-12-07', to: '2026-12-14' };
    const options = { bookable: false, locale: 'zh' };
    expect(calendarFeedAddress(feedScope({ kind: 'all' }), weeks, options)).toBe(
      '/api/v1/calendar?from=2026-12-07&to=2026-12-14&bookable=false&locale=zh',
    );
    const room = '6f1c1f0e-8d7a-4c59-9a43-2f1f4f5f0a11';
    expect(calendarFeedAddress(feedScope({ kind: 'resource', id: room }), weeks, { bookable: true, locale: 'en' })).toBe(
      `/api/v1/calendar?from=2026-12-07&to=2026-12-14&bookable=true&locale=en&resourceIds=${room}`,
    );
    expect(calendarFeedAddress(feedScope({ kind: 'type', id: room }), weeks, options)).toBe(
      `/api/v1/calendar?from=2026-12-07&to=2026-12-14&bookable=false&locale=zh&typeId=${room}`,
    );
  });
});
