import { describe, expect, it } from 'vitest';
import {
  assertSlotRules,
  customerNotice,
  earliestStart,
  horizonEnd,
  type PolicyContext,
  type SlotRequest,
  type SlotResource,
} from '@/lib/booking/rules';
import { zonedInstant } from '@/lib/calendar/working-days';
import { isDomainError } from '@/lib/errors';

const TZ = 'Asia/Shanghai';
const at = (day: string, clock: string) => zonedInstant(day, clock, TZ);

const ctx: PolicyContext = {
  settings: { timeZone: TZ, staffLeadWorkingDays: 1, customerMinNoticeHours: 24, bookingHorizonDays: 90, confirmWindowHours: 24 },
  calendar: new Map([['2026-10-01', 'holiday']]),
  // Wednesday 30 September 2026, 10:00.
  now: at('2026-09-30', '10:00'),
};

const room: SlotResource = {
  id: 'r',
  state: 'in_service',
  capacity: 8,
  maxDurationMinutes: 120,
  opensAt: '08:30:00',
  closesAt: '18:00:00',
  workingDaysOnly: true,
  setupBufferMinutes: 0,
  cleanupBufferMinutes: 0,
};

function errorOf(fn: () => void): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

function codeOf(fn: () => void): string | undefined {
  const error = errorOf(fn);
  return error === undefined ? undefined : isDomainError(error) ? error.code : String(error);
}

describe(`slot rules (process TZ ${process.env.TZ})`, () => {
  it('reports the first broken rule in the contract order', () => {
    // Broken everything: maintenance, too many people, too long, at night, on a holiday, too soon.
    const awful: SlotRequest = { startAt: at('2026-10-01', '20:00'), endAt: at('2026-10-01', '23:30'), attendees: 20 };
    const check = (resource: SlotResource | undefined, slot = awful) => codeOf(() => assertSlotRules(resource, slot, 'staff', ctx));
    expect(check(undefined)).toBe('resource_unavailable');
    expect(check({ ...room, state: 'maintenance' })).toBe('resource_unavailable');
    expect(check(room)).toBe('over_capacity');
    expect(check(room, { ...awful, attendees: 8 })).toBe('too_long');
    expect(check(room, { ...awful, attendees: 8, endAt: at('2026-10-01', '21:00') })).toBe('outside_hours');
    expect(check(room, { startAt: at('2026-10-01', '09:00'), endAt: at('2026-10-01', '10:00') })).toBe('outside_hours');
    expect(check({ ...room, workingDaysOnly: false }, { startAt: at('2026-10-01', '09:00'), endAt: at('2026-10-01', '10:00') })).toBe(
      'lead_time',
    );
    expect(check(room, { startAt: at('2026-10-02', '09:00'), endAt: at('2026-10-02', '10:00') })).toBeUndefined();
  });

  it('the horizon ends at midnight after today + horizon days', () => {
    expect(horizonEnd(ctx).toISOString()).toBe(at('2026-12-30', '00:00').toISOString());
    const lastDay = { startAt: at('2026-12-29', '17:00'), endAt: at('2026-12-29', '18:00') };
    expect(codeOf(() => assertSlotRules(room, lastDay, 'staff', ctx))).toBeUndefined();
    const beyond = { startAt: at('2026-12-30', '09:00'), endAt: at('2026-12-30', '10:00') };
    expect(codeOf(() => assertSlotRules(room, beyond, 'staff', ctx))).toBe('beyond_horizon');
  });

  it('customers need customer_min_notice_hours, to the minute', () => {
    expect(earliestStart('customer', ctx).toISOString()).toBe(at('2026-10-01', '10:00').toISOString());
    expect(codeOf(() => customerNotice(at('2026-10-01', '09:59'), ctx))).toBe('lead_time');
    expect(codeOf(() => customerNotice(at('2026-10-01', '10:00'), ctx))).toBeUndefined();
    const error = errorOf(() => customerNotice(at('2026-09-30', '15:00'), ctx));
    expect(isDomainError(error) && error.details.params).toEqual({ earliest: '2026-10-01 10:00', hours: 24 });
  });

  it('staff start on the lead-time day at the earliest; an override keeps only "not in the past"', () => {
    // 1 October is a holiday in this calendar: one working day after 30 September is 2 October.
    expect(earliestStart('staff', ctx).toISOString()).toBe(at('2026-10-02', '00:00').toISOString());
    expect(earliestStart('override', ctx).toISOString()).toBe(ctx.now.toISOString());
    const later = { startAt: at('2026-09-30', '15:00'), endAt: at('2026-09-30', '16:00') };
    expect(codeOf(() => assertSlotRules(room, later, 'override', ctx))).toBeUndefined();
    const past = { startAt: at('2026-09-30', '09:00'), endAt: at('2026-09-30', '09:30') };
    expect(codeOf(() => assertSlotRules(room, past, 'override', ctx))).toBe('lead_time');
  });
});
