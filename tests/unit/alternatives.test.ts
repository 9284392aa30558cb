import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankAlternatives, type CandidateResource, type RankInput } from '@/lib/booking/rank-alternatives';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';
import { dayInZone, isWorkingDay, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';

const TZ = 'Asia/Shanghai';
const MIN = 60_000;
const calendar: HolidayCalendar = new Map(
  parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8')).map((h) => [
    h.date,
    h.kind,
  ]),
);

const at = (day: string, clock: string) => zonedInstant(day, clock, TZ);
/** 'YYYY-MM-DD HH:mm' in Shanghai, for readable expectations. */
const local = (iso: string) => {
  const d = new Date(iso);
  const hm = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${dayInZone(d, TZ)} ${hm}`;
};
const busy = (day: string, from: string, to: string) => ({ start: at(day, from).getTime(), end: at(day, to).getTime() });
const wholeDay = (day: string) => busy(day, '00:00', '23:59');

function room(overrides: Partial<CandidateResource> = {}): CandidateResource {
  return {
    id: 'room-a',
    code: 'A',
    capacity: 10,
    maxDurationMinutes: 480,
    opensAt: '08:30:00',
    closesAt: '18:00:00',
    workingDaysOnly: true,
    setupBufferMinutes: 0,
    cleanupBufferMinutes: 0,
    busy: [],
    ...overrides,
  };
}

function input(overrides: Partial<RankInput> & Pick<RankInput, 'startAt' | 'endAt'>): RankInput {
  return {
    resource: room(),
    others: [],
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    timeZone: TZ,
    calendar,
    ...overrides,
  };
}

/** Independent check of every promise an alternative makes. */
function assertValid(result: ReturnType<typeof rankAlternatives>, request: RankInput) {
  const all = [request.resource, ...request.others].filter((r): r is CandidateResource => !!r);
  for (const alt of result) {
    const r = all.find((x) => x.id === alt.resourceId)!;
    const start = new Date(alt.startAt);
    const end = new Date(alt.endAt);
    const day = dayInZone(start, TZ);
    expect(end.getTime() - start.getTime()).toBe(request.endAt.getTime() - request.startAt.getTime());
    if (r.workingDaysOnly) expect(isWorkingDay(day, calendar), `${alt.startAt} on a working day`).toBe(true);
    expect(start.getTime()).toBeGreaterThanOrEqual(zonedInstant(day, r.opensAt, TZ).getTime());
    expect(end.getTime()).toBeLessThanOrEqual(zonedInstant(day, r.closesAt, TZ).getTime());
    expect(start.getTime()).toBeGreaterThanOrEqual(request.notBefore.getTime());
    const holdStart = start.getTime() - r.setupBufferMinutes * MIN;
    const holdEnd = end.getTime() + r.cleanupBufferMinutes * MIN;
    for (const b of r.busy) expect(b.end <= holdStart || b.start >= holdEnd, `${local(alt.startAt)} clear of busy`).toBe(true);
  }
}

describe('rankAlternatives', () => {
  it('ranks the same resource by distance, both directions, the later one first on a tie', () => {
    const request = input({
      resource: room({ busy: [busy('2026-11-25', '10:00', '11:00')] }),
      startAt: at('2026-11-25', '10:00'),
      endAt: at('2026-11-25', '11:00'),
    });
    const result = rankAlternatives(request);
    expect(result.map((a) => local(a.startAt))).toEqual([
      '2026-11-25 11:00',
      '2026-11-25 09:00',
      '2026-11-25 11:30',
      '2026-11-25 08:30',
      '2026-11-25 12:00',
      '2026-11-25 12:30', // 08:00 is before opening
    ]);
    expect(result.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.every((a) => a.kind === 'same_resource' && a.resourceId === 'room-a')).toBe(true);
    assertValid(result, request);
  });

  it('keeps the buffers of both the candidate and the bookings around it', () => {
    // Existing hold (booking 10:00–11:00 with 15-minute buffers): 09:45–11:15.
    const request = input({
      resource: room({ setupBufferMinutes: 15, cleanupBufferMinutes: 15, busy: [busy('2026-11-25', '09:45', '11:15')] }),
      startAt: at('2026-11-25', '10:00'),
      endAt: at('2026-11-25', '11:00'),
    });
    const result = rankAlternatives(request);
    const starts = result.map((a) => local(a.startAt));
    // 11:00 would need set-up from 10:45; 09:00 would need clean-up until 10:15.
    expect(starts).not.toContain('2026-11-25 11:00');
    expect(starts).not.toContain('2026-11-25 09:00');
    expect(starts.slice(0, 3)).toEqual(['2026-11-25 11:30', '2026-11-25 08:30', '2026-11-25 12:00']);
    assertValid(result, request);
  });

  it('never offers time inside a blackout', () => {
    const request = input({
      resource: room({ busy: [busy('2026-11-25', '10:00', '11:00'), busy('2026-11-25', '11:00', '13:00'), busy('2026-11-25', '08:00', '10:00')] }),
      startAt: at('2026-11-25', '10:00'),
      endAt: at('2026-11-25', '11:00'),
    });
    const result = rankAlternatives(request);
    expect(local(result[0].startAt)).toBe('2026-11-25 13:00');
    assertValid(result, request);
  });

  it('stays inside opening hours at the end of the day', () => {
    const request = input({
      resource: room({ busy: [busy('2026-11-25', '16:00', '18:00')] }),
      startAt: at('2026-11-25', '17:00'),
      endAt: at('2026-11-25', '18:00'),
    });
    const result = rankAlternatives(request);
    expect(result.map((a) => local(a.startAt)).slice(0, 2)).toEqual(['2026-11-25 15:00', '2026-11-25 14:30']);
    assertValid(result, request);
  });

  it('skips holidays and uses 调休 make-up days', () => {
    // Friday 9 October 2026 is full; the next working day is Saturday 10 October (make-up).
    const request = input({
      resource: room({ opensAt: '09:00:00', busy: [wholeDay('2026-10-09')] }),
      startAt: at('2026-10-09', '10:00'),
      endAt: at('2026-10-09', '11:00'),
      notBefore: at('2026-10-09', '00:00'),
    });
    const result = rankAlternatives(request);
    expect(local(result[0].startAt)).toBe('2026-10-10 09:00');
    assertValid(result, request);

    // Wednesday 30 September is full and nothing earlier is allowed: 1–7 October are holidays.
    const national = input({
      resource: room({ busy: [wholeDay('2026-09-30')] }),
      startAt: at('2026-09-30', '10:00'),
      endAt: at('2026-09-30', '11:00'),
      notBefore: at('2026-09-30', '00:00'),
    });
    const later = rankAlternatives(national);
    expect(later).toHaveLength(6);
    expect(later.every((a) => dayInZone(new Date(a.startAt), TZ) === '2026-10-08')).toBe(true);
    expect(local(later[0].startAt)).toBe('2026-10-08 08:30');
    assertValid(later, national);
  });

  it('books weekends only for resources open on non-working days', () => {
    const request = input({
      resource: room({ workingDaysOnly: false, busy: [wholeDay('2026-11-27')] }),
      startAt: at('2026-11-27', '10:00'), // Friday
      endAt: at('2026-11-27', '11:00'),
      notBefore: at('2026-11-27', '00:00'),
    });
    expect(local(rankAlternatives(request)[0].startAt)).toBe('2026-11-28 08:30'); // Saturday
  });

  it('never offers a start before the lead time or after the horizon', () => {
    const request = input({
      resource: room({ busy: [busy('2026-11-25', '10:00', '11:00')] }),
      startAt: at('2026-11-25', '10:00'),
      endAt: at('2026-11-25', '11:00'),
      notBefore: at('2026-11-25', '10:30'),
      notAfter: at('2026-11-25', '12:30'),
    });
    const result = rankAlternatives(request);
    expect(result.map((a) => local(a.startAt))).toEqual(['2026-11-25 11:00', '2026-11-25 11:30', '2026-11-25 12:00']);
  });

  it('then offers other resources free at the wanted time, closest capacity first', () => {
    const wanted = { startAt: at('2026-11-25', '10:00'), endAt: at('2026-11-25', '11:00') };
    const others = [
      room({ id: 'big', code: 'BIG', capacity: 30 }),
      room({ id: 'small', code: 'SMALL', capacity: 4 }), // too small for 6
      room({ id: 'eight', code: 'EIGHT', capacity: 8 }),
      room({ id: 'ten', code: 'TEN', capacity: 10 }),
      room({ id: 'busy', code: 'BUSY', capacity: 6, busy: [busy('2026-11-25', '10:30', '12:00')] }),
      room({ id: 'late', code: 'LATE', capacity: 6, opensAt: '10:30:00' }), // not open yet
      room({ id: 'buffered', code: 'BUF', capacity: 7, cleanupBufferMinutes: 30, busy: [busy('2026-11-25', '11:15', '12:00')] }),
    ];
    const request = input({
      ...wanted,
      attendees: 6,
      resource: room({ busy: [busy('2026-11-25', '10:00', '11:00')] }),
      others,
    });
    const result = rankAlternatives(request);
    expect(result.filter((a) => a.kind === 'same_resource')).toHaveLength(4);
    expect(result.filter((a) => a.kind === 'other_resource').map((a) => a.resourceId)).toEqual(['eight', 'ten']);
    expect(result).toHaveLength(6);
    expect(result.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const a of result.filter((x) => x.kind === 'other_resource')) {
      expect(a.startAt).toBe(wanted.startAt.toISOString());
      expect(a.endAt).toBe(wanted.endAt.toISOString());
    }
    assertValid(result, request);

    // With the resource itself unusable, every place goes to the others.
    const onlyOthers = rankAlternatives({ ...request, resource: null });
    expect(onlyOthers.map((a) => a.resourceId)).toEqual(['eight', 'ten', 'big']);
  });

  it('finds nothing when the same resource is full for two weeks and no other fits', () => {
    const days = Array.from({ length: 40 }, (_, i) => dayInZone(new Date(at('2026-11-05', '12:00').getTime() + i * 86_400_000), TZ));
    const request = input({
      resource: room({ busy: days.map(wholeDay) }),
      others: [room({ id: 'tiny', code: 'T', capacity: 2 })],
      attendees: 5,
      startAt: at('2026-11-25', '10:00'),
      endAt: at('2026-11-25', '11:00'),
    });
    expect(rankAlternatives(request)).toEqual([]);
  });
});
