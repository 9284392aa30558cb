/**
 * When a visit may be checked in, when it counts as a no-show, and what the person looking at a
 * booking may do about its use right now. Pure functions of the booking, its resource, the
 * policy values and "now": the domain functions enforce the same rules, the pages use
 * `allowedVisitActions` to show only what is possible, and the no-show job's SQL mirrors
 * `noShowApplies` (release-no-shows.ts).
 */
import type { Booking, PolicySettings, Resource } from '@/db/schema';
import { canActAsApplicant, canViewBooking, type Actor } from '@/lib/authz';
import { canTransition } from './state';

const MINUTE = 60_000;

/** Bookings longer than this are never released as no-shows (a whole-day exhibition, a workshop). */
export const NO_SHOW_MAX_MINUTES = 8 * 60;

type VisitBooking = Pick<Booking, 'startAt' | 'endAt'>;
type VisitResource = Pick<Resource, 'requiresCheckIn'>;
type VisitSettings = Pick<PolicySettings, 'checkInOpensMinutes' | 'noShowGraceMinutes'>;

/** Whether nobody checking in releases the booking: the resource asks for check-in and the booking is ≤ 8 h. */
export function noShowApplies(booking: VisitBooking, resource: VisitResource): boolean {
  return resource.requiresCheckIn && booking.endAt.getTime() - booking.startAt.getTime() <= NO_SHOW_MAX_MINUTES * MINUTE;
}

export interface CheckInWindow {
  opensAt: Date;
  /** The last instant check-in is accepted: the no-show deadline, or the end where no-shows do not apply. */
  closesAt: Date;
  /** start + grace, when the booking is released if nobody has checked in by then; else null. */
  noShowDeadline: Date | null;
}

export function checkInWindow(booking: VisitBooking, resource: VisitResource, settings: VisitSettings): CheckInWindow {
  const start = booking.startAt.getTime();
  const noShowDeadline = noShowApplies(booking, resource) ? new Date(start + settings.noShowGraceMinutes * MINUTE) : null;
  const closesAt = noShowDeadline && noShowDeadline < booking.endAt ? noShowDeadline : booking.endAt;
  return { opensAt: new Date(start - settings.checkInOpensMinutes * MINUTE), closesAt, noShowDeadline };
}

export type CheckInTiming = 'early' | 'open' | 'closed';

/** Both edges are inclusive: at the no-show deadline itself one may still check in. */
export function checkInTiming(window: CheckInWindow, now: Date): CheckInTiming {
  if (now < window.opensAt) return 'early';
  return now > window.closesAt ? 'closed' : 'open';
}

/**
 * Who may check in and out: the applicant (staff, or the customer through their link), customer
 * service for a customer's booking, and admin (at the front desk, for anyone).
 */
export function mayUse(actor: Actor, booking: Pick<Booking, 'id' | 'requesterKind' | 'requesterUserId'>): boolean {
  if (actor.kind === 'user' && actor.role === 'admin') return true;
  return actor.kind !== 'system' && canViewBooking(actor, booking) && canActAsApplicant(actor, booking);
}

export interface VisitActions {
  checkIn: boolean;
  checkOut: boolean;
  inspect: boolean;
  window: CheckInWindow;
}

/** What `actor` may do about the visit now; the domain functions decide the same way. */
export function allowedVisitActions(
  booking: Pick<Booking, 'id' | 'requesterKind' | 'requesterUserId' | 'status' | 'startAt' | 'endAt' | 'inspectedAt'>,
  resource: VisitResource,
  settings: VisitSettings,
  actor: Actor,
  now: Date,
): VisitActions {
  const window = checkInWindow(booking, resource, settings);
  const user = mayUse(actor, booking);
  const isAdmin = actor.kind === 'user' && actor.role === 'admin';
  return {
    checkIn: user && canTransition('check_in', booking.status) && checkInTiming(window, now) === 'open',
    checkOut: user && canTransition('check_out', booking.status),
    inspect: isAdmin && canTransition('inspect', booking.status) && booking.inspectedAt === null,
    window,
  };
}
