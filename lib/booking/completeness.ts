/**
 * The completeness and reasonableness check admin makes first (policy III.2, product rule 5):
 * which of the required facts the request carries, and whether its slot fits the resource.
 * Pure: the page passes the booking, its resource and the policy context.
 */
import type { Booking, Resource } from '@/db/schema';
import { fitsOpeningHours } from './rules';
import type { HolidayCalendar } from '@/lib/calendar/working-days';

export type RequiredFact = 'name' | 'department' | 'phone' | 'resource' | 'time' | 'purpose' | 'contact' | 'company';
export type Reasonableness = 'inService' | 'capacity' | 'duration' | 'openingHours';

export interface Check<K extends string> {
  key: K;
  ok: boolean;
}

export interface Completeness {
  required: Check<RequiredFact>[];
  reasonable: Check<Reasonableness>[];
  complete: boolean;
}

const filled = (value: string | null | undefined) => (value ?? '').trim() !== '';

export function checkCompleteness(
  booking: Booking,
  resource: Resource,
  policy: { timeZone: string; calendar: HolidayCalendar },
): Completeness {
  const time = booking.endAt.getTime() > booking.startAt.getTime();
  // Staff: name, department, phone, resource, start and end, purpose. Customers: name,
  // contact, company, resource, time (policy III.1). Special needs are recorded when there
  // are any (policy I.5: "any special needs"); the forms mark them optional, so their absence
  // is never a gap.
  const facts: [RequiredFact, boolean][] =
    booking.requesterKind === 'staff'
      ? [
          ['name', filled(booking.contactName)],
          ['department', booking.departmentId !== null],
          ['phone', filled(booking.contactPhone)],
          ['resource', true],
          ['time', time],
          ['purpose', filled(booking.purpose)],
        ]
      : [
          ['name', filled(booking.contactName)],
          ['contact', filled(booking.contactPhone) || filled(booking.contactEmail)],
          ['company', filled(booking.company)],
          ['resource', true],
          ['time', time],
        ];
  const minutes = (booking.endAt.getTime() - booking.startAt.getTime()) / 60_000;
  const reasonable: Check<Reasonableness>[] = [
    { key: 'inService', ok: resource.state === 'in_service' },
    { key: 'capacity', ok: booking.attendees === null || booking.attendees <= resource.capacity },
    { key: 'duration', ok: time && minutes <= resource.maxDurationMinutes },
    { key: 'openingHours', ok: fitsOpeningHours(resource, booking.startAt, booking.endAt, policy.timeZone, policy.calendar) },
  ];
  const required = facts.map(([key, ok]) => ({ key, ok }));
  return { required, reasonable, complete: required.every((c) => c.ok) };
}
