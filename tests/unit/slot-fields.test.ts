/**
 * The request forms' slot fields (lib/forms/slot-fields.ts): wall clock in the organisation's
 * zone ↔ instants, whatever the server's TZ, and which field shows an error about the slot —
 * "duration" never says "required" while it has a value (issue 10 defect 14).
 */
import { describe, expect, it } from 'vitest';
import { durationOptions, durationSlot, endClock, rangeSlot } from '@/lib/forms/slot-fields';

const TZ = 'Asia/Shanghai';

describe('duration slot', () => {
  it('turns a day, a start and a duration into instants and back', () => {
    const instants = durationSlot.instants({ date: '2030-03-12', startTime: '09:30', duration: '90' }, TZ);
    expect(instants).toEqual({ startAt: '2030-03-12T01:30:00.000Z', endAt: '2030-03-12T03:00:00.000Z' });
    expect(durationSlot.fromInstants(instants, TZ)).toEqual({ date: '2030-03-12', startTime: '09:30', duration: '90' });
    expect(durationSlot.instants({ date: '', startTime: '09:30', duration: '60' }, TZ)).toEqual({ startAt: '', endAt: '' });
  });

  it('puts a missing end on the start, not on the duration, until a start is chosen', () => {
    expect(durationSlot.fieldFor('endAt', { date: '', startTime: '', duration: '60' })).toBe('startTime');
    expect(durationSlot.fieldFor('startAt', { date: '', startTime: '', duration: '60' })).toBe('startTime');
    expect(durationSlot.fieldFor('endAt', { date: '2030-03-12', startTime: '09:30', duration: '60' })).toBe('duration');
  });

  it('offers durations up to the maximum and to closing time', () => {
    const showroom = { maxDurationMinutes: 240, closesAt: '17:30' };
    expect(durationOptions(showroom, '', '60')).toEqual([30, 60, 90, 120, 150, 180, 210, 240]);
    expect(durationOptions(showroom, '16:30', '60')).toEqual([30, 60]);
    expect(durationOptions(showroom, '16:30', '120')).toEqual([30, 60, 120]);
    expect(endClock('16:30', '60')).toBe('17:30');
    expect(endClock('23:30', '60')).toBeNull();
  });
});

describe('range slot', () => {
  it('turns a day and two times into instants, an unreadable time into "invalid"', () => {
    expect(rangeSlot.instants({ date: '2030-03-12', startTime: '10:00', endTime: '11:15' }, TZ)).toEqual({
      startAt: '2030-03-12T02:00:00.000Z',
      endAt: '2030-03-12T03:15:00.000Z',
    });
    expect(rangeSlot.instants({ date: '2030-03-12', startTime: '25:00', endTime: '' }, TZ)).toEqual({ startAt: 'invalid', endAt: '' });
    expect(rangeSlot.fromInstants({ startAt: '2030-03-12T02:00:00.000Z', endAt: '2030-03-12T03:15:00.000Z' }, TZ)).toEqual({
      date: '2030-03-12',
      startTime: '10:00',
      endTime: '11:15',
    });
  });

  it('shows slot errors on the day while there is none, then on the time concerned', () => {
    expect(rangeSlot.fieldFor('startAt', { date: '', startTime: '10:00', endTime: '11:00' })).toBe('date');
    expect(rangeSlot.fieldFor('startAt', { date: '2030-03-12', startTime: '', endTime: '' })).toBe('startTime');
    expect(rangeSlot.fieldFor('endAt', { date: '2030-03-12', startTime: '10:00', endTime: '' })).toBe('endTime');
  });
});
