import { describe, expect, it } from 'vitest';
import { toEvents } from '@/components/booking/calendar-events';
import { translator } from '@/lib/i18n/messages';
import type { CalendarFeed } from '@/lib/staff-booking/calendar-feed';

const ROOM = 'room-1';
const weeks = { from: '2026-12-07', to: '2026-12-14' };
const ctx = { weeks, bookable: false, t: translator('zh', 'calendar'), tStatus: translator('zh', 'status') };

describe('calendar feed as FullCalendar events', () => {
  it('tells the viewer’s bookings apart (a link, in blue) from others’ (grey, no link), with the resource’s code when several share the grid', () => {
    const feed: CalendarFeed = {
      resources: [
        {
          resourceId: ROOM,
          entries: [
            { id: 'b1', start: '2026-12-08T09:00', end: '2026-12-08T10:00', kind: 'booking', status: 'confirmed', title: '周会', mine: true },
            { id: 'b2', start: '2026-12-08T10:00', end: '2026-12-08T11:00', kind: 'booking', status: 'pending', requesterKind: 'customer' },
          ],
        },
      ],
      open: null,
    };
    const [mine, other] = toEvents(feed, { ...ctx, codes: { [ROOM]: 'MR-101' } });
    expect(mine).toMatchObject({
      id: 'b1',
      start: Date.parse('2026-12-08T09:00:00Z'),
      end: Date.parse('2026-12-08T10:00:00Z'),
      title: 'MR-101 · 我的：周会（已确认）',
      url: '/bookings/b1',
      backgroundColor: '#1d4ed8',
      classNames: [],
    });
    expect(other).toMatchObject({ id: 'b2', title: 'MR-101 · 客户预约（待审核）', backgroundColor: '#e2e8f0', classNames: ['fc-event-tentative'] });
    expect(other).not.toHaveProperty('url');
  });

  it('draws maintenance, blackouts and buffers as background, and a change hold links to the booking that asked', () => {
    const feed: CalendarFeed = {
      resources: [
        {
          resourceId: ROOM,
          entries: [
            { id: 'm1', start: '2026-12-09T00:00', end: '2026-12-10T00:00', kind: 'blackout', blackoutKind: 'maintenance', title: '换灯' },
            { id: 'x1', start: '2026-12-10T00:00', end: '2026-12-11T00:00', kind: 'blackout', blackoutKind: 'blackout' },
            { id: 'h1', start: '2026-12-11T09:00', end: '2026-12-11T10:00', kind: 'change_hold', title: '周会', mine: true, changeOf: 'b1' },
            { id: 'u1', start: '2026-12-08T08:30', end: '2026-12-08T09:00', kind: 'buffer' },
          ],
        },
      ],
      open: null,
    };
    const [maintenance, blackout, hold, buffer] = toEvents(feed, ctx);
    expect(maintenance).toMatchObject({ display: 'background', backgroundColor: '#fb923c' });
    expect(maintenance.title).toContain('换灯');
    expect(blackout).toMatchObject({ display: 'background', backgroundColor: '#fca5a5', title: '停用' });
    expect(hold).toMatchObject({ url: '/bookings/b1', classNames: ['fc-event-change-hold'], title: '我的：改期申请占用：周会' });
    expect(buffer).toMatchObject({ display: 'background', title: '准备/清场' });
  });

  it('shades the time outside one resource’s windows, or the whole weeks when it has none', () => {
    const windows: CalendarFeed = { resources: [], open: [{ start: '2026-12-08T09:00', end: '2026-12-08T18:00' }] };
    expect(toEvents(windows, ctx)).toEqual([
      {
        display: 'inverse-background',
        backgroundColor: '#cbd5e1',
        groupId: 'open',
        start: Date.parse('2026-12-08T09:00:00Z'),
        end: Date.parse('2026-12-08T18:00:00Z'),
      },
    ]);
    const none: CalendarFeed = { resources: [], open: [] };
    expect(toEvents(none, ctx)).toEqual([
      {
        display: 'background',
        backgroundColor: '#cbd5e1',
        start: Date.parse('2026-12-07T00:00:00Z'),
        end: Date.parse('2026-12-14T00:00:00Z'),
        title: '未开放',
      },
    ]);
  });
});
