/** The completeness check asks customers for what the policy requires, and not for special needs, which are optional. */
import { describe, expect, it } from 'vitest';
import type { Booking, Resource } from '@/db/schema';
import { checkCompleteness } from '@/lib/booking/completeness';

const resource = {
  state: 'in_service',
  capacity: 40,
  maxDurationMinutes: 240,
  opensAt: '09:00:00',
  closesAt: '17:30:00',
  workingDaysOnly: true,
} as Resource;
// Tuesday 1 December 2026, 10:00–11:00 in Shanghai: a working day, inside the opening hours.
const slot = { startAt: new Date('2026-12-01T02:00:00Z'), endAt: new Date('2026-12-01T03:00:00Z') };
const policy = { timeZone: 'Asia/Shanghai', calendar: new Map() };

const customer = (fields: Partial<Booking>) =>
  ({
    requesterKind: 'customer',
    contactName: '刘女士',
    contactPhone: '138 0000 0000',
    contactEmail: null,
    company: '华东建材',
    specialNeeds: null,
    attendees: 6,
    departmentId: null,
    purpose: '',
    ...slot,
    ...fields,
  }) as Booking;

describe('completeness of a customer request', () => {
  it('is complete without special needs (the form marks them optional)', () => {
    const check = checkCompleteness(customer({}), resource, policy);
    expect(check.complete).toBe(true);
    expect(check.required.map((c) => c.key)).toEqual(['name', 'contact', 'company', 'resource', 'time']);
    expect(check.reasonable.every((c) => c.ok)).toBe(true);
  });

  it('still lacks a company or a way to reach the customer', () => {
    const check = checkCompleteness(customer({ company: ' ', contactPhone: '' }), resource, policy);
    expect(check.complete).toBe(false);
    expect(check.required.filter((c) => !c.ok).map((c) => c.key)).toEqual(['contact', 'company']);
  });
});
