/**
 * The rules a slot must meet (product rules 4 and 5), as pure functions of the resource, the
 * policy values, the holiday calendar and "now". The database part (is the slot free?) lives
 * in availability.ts; alternatives reuse `fitsOpeningHours` so that they never offer a slot
 * these rules would refuse.
 */
import {
  addDays,
  dayInZone,
  earliestStaffStartDay,
  isWorkingDay,
  minutesInZone,
  zonedInstant,
  type HolidayCalendar,
} from '@/lib/calendar/working-days';
import { DomainError } from '@/lib/errors';
import type { PolicySettings, Resource } from '@/db/schema';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type SlotResource = Pick<
  Resource,
  | 'id'
  | 'state'
  | 'capacity'
  | 'maxDurationMinutes'
  | 'opensAt'
  | 'closesAt'
  | 'workingDaysOnly'
  | 'setupBufferMinutes'
  | 'cleanupBufferMinutes'
>;

/** Everything the rules need besides the resource, loaded once per operation. */
export interface PolicyContext {
  settings: Pick<
    PolicySettings,
    'timeZone' | 'staffLeadWorkingDays' | 'customerMinNoticeHours' | 'bookingHorizonDays' | 'confirmWindowHours'
  >;
  calendar: HolidayCalendar;
  now: Date;
}

/**
 * How the start is held to a minimum notice: staff by working days, customers by hours;
 * `override` (admin with a reason) only keeps the start out of the past.
 */
export type NoticeRule = 'staff' | 'customer' | 'override';

export interface SlotRequest {
  startAt: Date;
  endAt: Date;
  attendees?: number | null;
}

export function assertInService(resource: SlotResource | undefined): asserts resource is SlotResource {
  if (!resource || resource.state !== 'in_service') throw new DomainError('resource_unavailable');
}

export function assertCapacity(resource: SlotResource, attendees: number | null | undefined): void {
  if (attendees != null && attendees > resource.capacity) {
    throw new DomainError('over_capacity', undefined, { params: { capacity: resource.capacity } });
  }
}

export function assertDuration(resource: SlotResource, startAt: Date, endAt: Date): void {
  if (endAt.getTime() <= startAt.getTime()) {
    throw new DomainError('invalid_input', undefined, { fields: { endAt: ['end_before_start'] } });
  }
  if (endAt.getTime() - startAt.getTime() > resource.maxDurationMinutes * MINUTE) {
    throw new DomainError('too_long', undefined, { params: { max: resource.maxDurationMinutes } });
  }
}

type OpeningHoursOf = Pick<SlotResource, 'opensAt' | 'closesAt' | 'workingDaysOnly'>;

/** When a resource opens and closes on a day (epoch ms, in the zone's wall clock); null when it is closed that day. */
export function openingOn(
  resource: OpeningHoursOf,
  day: string,
  timeZone: string,
  calendar: HolidayCalendar,
): { opens: number; closes: number } | null {
  if (resource.workingDaysOnly && !isWorkingDay(day, calendar)) return null;
  return { opens: zonedInstant(day, resource.opensAt, timeZone).getTime(), closes: zonedInstant(day, resource.closesAt, timeZone).getTime() };
}

/**
 * Opening hours are wall-clock times in the organisation's zone: a slot starts and ends on the
 * same day between opening and closing, and on a working day when the resource asks for one.
 * `opening` may be a memo of `openingOn` for a search that checks many slots of few days.
 */
export function fitsOpeningHours(
  resource: OpeningHoursOf,
  startAt: Date,
  endAt: Date,
  timeZone: string,
  calendar: HolidayCalendar,
  opening: typeof openingOn = openingOn,
): boolean {
  const hours = opening(resource, dayInZone(startAt, timeZone), timeZone, calendar);
  return hours !== null && startAt.getTime() >= hours.opens && endAt.getTime() <= hours.closes;
}

export function assertOpeningHours(resource: SlotResource, slot: SlotRequest, ctx: PolicyContext): void {
  if (!fitsOpeningHours(resource, slot.startAt, slot.endAt, ctx.settings.timeZone, ctx.calendar)) {
    throw new DomainError('outside_hours', undefined, {
      params: {
        opensAt: resource.opensAt.slice(0, 5),
        closesAt: resource.closesAt.slice(0, 5),
        workingDaysOnly: resource.workingDaysOnly ? 1 : 0,
      },
    });
  }
}

/** The first instant after the horizon: midnight after `today + bookingHorizonDays`. */
export function horizonEnd(ctx: PolicyContext): Date {
  const { timeZone, bookingHorizonDays } = ctx.settings;
  return zonedInstant(addDays(dayInZone(ctx.now, timeZone), bookingHorizonDays + 1), '00:00', timeZone);
}

export function assertHorizon(slot: SlotRequest, ctx: PolicyContext): void {
  if (slot.startAt.getTime() >= horizonEnd(ctx).getTime()) {
    throw new DomainError('beyond_horizon', undefined, { params: { days: ctx.settings.bookingHorizonDays } });
  }
}

/** The earliest day a staff request filed now may start on (rule 4). */
export function staffEarliestDay(ctx: PolicyContext): string {
  const { timeZone, staffLeadWorkingDays } = ctx.settings;
  return earliestStaffStartDay(ctx.now, staffLeadWorkingDays, timeZone, ctx.calendar);
}

/** The earliest instant a slot may start under a notice rule; never before now. */
export function earliestStart(rule: NoticeRule, ctx: PolicyContext): Date {
  const { timeZone, customerMinNoticeHours } = ctx.settings;
  const floor =
    rule === 'staff'
      ? zonedInstant(staffEarliestDay(ctx), '00:00', timeZone).getTime()
      : rule === 'customer'
        ? ctx.now.getTime() + customerMinNoticeHours * HOUR
        : 0;
  return new Date(Math.max(floor, ctx.now.getTime()));
}

/** Staff lead time in working days; the error names the earliest allowed day. */
export function assertStaffLeadTime(startAt: Date, ctx: PolicyContext): void {
  if (startAt.getTime() < earliestStart('staff', ctx).getTime()) {
    // With no lead time the earliest day is today; a start already past is refused all the same.
    throw new DomainError('lead_time', undefined, { params: { earliest: staffEarliestDay(ctx) } });
  }
}

/** Customer requests need `customer_min_notice_hours`; the error names the earliest start. */
export function customerNotice(startAt: Date, ctx: PolicyContext): void {
  const earliest = earliestStart('customer', ctx);
  if (startAt.getTime() < earliest.getTime()) {
    throw new DomainError('lead_time', undefined, {
      params: { earliest: formatZoned(earliest, ctx.settings.timeZone), hours: ctx.settings.customerMinNoticeHours },
    });
  }
}

/** Admin overriding the lead time may still not book in the past. */
function assertNotPast(startAt: Date, ctx: PolicyContext): void {
  if (startAt.getTime() < ctx.now.getTime()) {
    throw new DomainError('lead_time', undefined, { params: { earliest: formatZoned(ctx.now, ctx.settings.timeZone) } });
  }
}

export function assertNotice(rule: NoticeRule, startAt: Date, ctx: PolicyContext): void {
  if (rule === 'staff') assertStaffLeadTime(startAt, ctx);
  else if (rule === 'customer') customerNotice(startAt, ctx);
  else assertNotPast(startAt, ctx);
}

/** 'YYYY-MM-DD HH:mm' in the organisation's zone (a message parameter, not a display format). */
export function formatZoned(instant: Date, timeZone: string): string {
  const minutes = minutesInZone(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayInZone(instant, timeZone)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Every rule except "is it free", in the contract's order, so that a form shows the first
 * problem the applicant can act on.
 */
export function assertSlotRules(
  resource: SlotResource | undefined,
  slot: SlotRequest,
  notice: NoticeRule,
  ctx: PolicyContext,
): asserts resource is SlotResource {
  assertInService(resource);
  assertCapacity(resource, slot.attendees);
  assertDuration(resource, slot.startAt, slot.endAt);
  assertOpeningHours(resource, slot, ctx);
  assertHorizon(slot, ctx);
  assertNotice(notice, slot.startAt, ctx);
}
