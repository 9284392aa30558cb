/**
 * The shared instant and day fields (lib/validation/fields.ts) in every schema that takes a
 * time: years 0000, 0001, 9999 and 275760 are field messages, the window's edges are exact.
 */
import { describe, expect, it } from 'vitest';
import { approveBody, bookingListQuery, createBookingBody } from '@/lib/api/schemas';
import { approveSchema, fieldErrors, staffRequestSchema } from '@/lib/booking/schemas';
import { availabilityQuerySchema, customerContactSchema, publicRequestSchema, V } from '@/lib/customer/schemas';
import { feedQuerySchema } from '@/lib/staff-booking/calendar-feed';
import type { z } from 'zod';

const FAR = {
  '0000': '0000-01-01T10:00:00+08:00',
  '0001': '0001-01-01T10:00:00+08:00',
  '9999': '9999-12-31T10:00:00+08:00',
  '275760': '+275760-09-13T00:00:00.000Z',
};
const ID = '3f2a1c4e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

const staffRequest = { resourceId: ID, startAt: '2026-12-01T10:00:00+08:00', endAt: '2026-12-01T11:00:00+08:00', purpose: 'Weekly meeting', phone: '138 0013 8000' };
const publicRequest = { ...staffRequest, name: '周先生', email: 'a@example.com', company: '佳居', visitors: 2 };

describe.each(Object.entries(FAR))('year %s', (year, instant) => {
  const staffKey = year === '275760' ? 'invalid_date' : 'out_of_window';
  const customerKey = year === '275760' ? V.invalid_date : V.out_of_window;

  it('staff request, admin entry and approval (forms, actions, domain)', () => {
    expect(errorsOf(staffRequestSchema, { ...staffRequest, startAt: instant }).startAt).toEqual([staffKey]);
    expect(errorsOf(approveSchema, { opinion: 'ok', startAt: instant, endAt: instant }).startAt).toEqual([staffKey]);
    expect(errorsOf(staffRequestSchema, { ...staffRequest, startAt: new Date(Date.parse(FAR['0001'])) }).startAt).toEqual(['out_of_window']);
  });

  it('the JSON API bodies and the admin list filter', () => {
    expect(errorsOf(createBookingBody, { ...staffRequest, startAt: instant }).startAt).toEqual([staffKey]);
    expect(errorsOf(approveBody, { opinion: 'ok', startAt: instant, endAt: staffRequest.endAt }).startAt).toEqual([staffKey]);
    expect(errorsOf(bookingListQuery, { from: instant }).from).toEqual([staffKey]);
  });

  it('the customer channel: public request, availability, contact log', () => {
    expect(errorsOf(publicRequestSchema, { ...publicRequest, endAt: instant }).endAt).toContain(customerKey);
    expect(errorsOf(availabilityQuerySchema, { resourceId: ID, from: instant, to: staffRequest.endAt }).from).toEqual([customerKey]);
    expect(errorsOf(customerContactSchema, { method: 'phone', contactedAt: instant }).contactedAt).toEqual([customerKey]);
  });

  it('the calendar route’s days', () => {
    const day = year === '275760' ? '275760-09-13' : instant.slice(0, 10);
    expect(errorsOf(feedQuerySchema, { from: day, to: '2026-12-08' }).from).toEqual([staffKey]);
  });
});

describe('the window', () => {
  it('is [2000-01-01, 2100-01-01) UTC', () => {
    expect(errorsOf(bookingListQuery, { from: '2000-01-01T00:00:00Z', to: '2099-12-31T23:59:59.999Z' })).toEqual({});
    expect(errorsOf(bookingListQuery, { from: '1999-12-31T23:59:59Z' }).from).toEqual(['out_of_window']);
    expect(errorsOf(bookingListQuery, { to: '2100-01-01T00:00:00Z' }).to).toEqual(['out_of_window']);
    expect(errorsOf(feedQuerySchema, { from: '2000-01-01', to: '2100-01-01' }).to).toEqual(['out_of_window']);
  });

  it('refuses days that do not exist and instants without an offset', () => {
    expect(errorsOf(feedQuerySchema, { from: '2026-02-30', to: '2026-03-02' }).from).toEqual(['invalid_date']);
    expect(errorsOf(staffRequestSchema, { ...staffRequest, startAt: '2026-12-01T10:00' }).startAt).toEqual(['invalid_date']);
  });
});
