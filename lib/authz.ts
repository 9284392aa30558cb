/**
 * Who may do what: the one place for permissions (product.md "People and what each can do").
 * Every domain function calls these before it reads or changes a booking; pages, actions and
 * route handlers only turn a session or a link token into an `Actor`.
 */
import type { Booking, Locale, UserRole } from '@/db/schema';
import { DomainError } from './errors';

export interface UserActor {
  kind: 'user';
  id: string;
  role: UserRole;
  departmentId: string | null;
  email: string;
  name: string;
  locale: Locale;
  isDepartmentContact: boolean;
}

/** A customer acting through a signed link for exactly one booking. */
export interface CustomerActor {
  kind: 'customer';
  bookingId: string;
  email: string;
}

/** Scheduled jobs and verified e-mail replies. */
export interface SystemActor {
  kind: 'system';
}

export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | CustomerActor | SystemActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
export const SYSTEM: SystemActor = { kind: 'system' };

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  return actor;
}

export function requireRole(actor: Actor, ...roles: UserRole[]): UserActor {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw new DomainError('forbidden');
  return user;
}

export const requireAdmin = (actor: Actor) => requireRole(actor, 'admin');
export const requireServiceDesk = (actor: Actor) => requireRole(actor, 'customer_service', 'admin');

type BookingOwnership = Pick<Booking, 'id' | 'requesterKind' | 'requesterUserId'>;

/** The applicant: the staff requester, or the customer holding this booking's link. */
export function isApplicant(actor: Actor, booking: BookingOwnership): boolean {
  if (actor.kind === 'user') return booking.requesterKind === 'staff' && booking.requesterUserId === actor.id;
  if (actor.kind === 'customer') return booking.requesterKind === 'customer' && actor.bookingId === booking.id;
  return false;
}

/** Customer service acts for customers: it sees and manages every customer booking. */
function isServiceDeskFor(actor: Actor, booking: BookingOwnership): boolean {
  return actor.kind === 'user' && actor.role === 'customer_service' && booking.requesterKind === 'customer';
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'admin';
}

export function canViewBooking(actor: Actor, booking: BookingOwnership): boolean {
  return isAdmin(actor) || isApplicant(actor, booking) || isServiceDeskFor(actor, booking) || actor.kind === 'system';
}

/** Supplement, confirm, decline, cancel, ask to move: the applicant's own actions. */
export function canActAsApplicant(actor: Actor, booking: BookingOwnership): boolean {
  return isApplicant(actor, booking) || isServiceDeskFor(actor, booking) || actor.kind === 'system';
}

/**
 * Loads-then-checks helper: a booking the actor may not see is reported as not found, so that
 * ids of other people's bookings reveal nothing (authorize before revealing state).
 */
export function assertCanView<T extends BookingOwnership>(actor: Actor, booking: T | undefined): T {
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated');
  if (!booking || !canViewBooking(actor, booking)) throw new DomainError('not_found');
  return booking;
}

/**
 * Which bookings a user may list (the register, its exports and GET /api/v1/bookings): admin
 * every booking, customer service the customer bookings, staff their own requests. The list
 * query turns the answer into its WHERE, so a filter can only narrow it.
 */
export type BookingListScope =
  | { kind: 'all' }
  | { kind: 'customers' }
  | { kind: 'own'; userId: string };

export function bookingListScope(actor: Actor): BookingListScope {
  const user = requireUser(actor);
  if (user.role === 'admin') return { kind: 'all' };
  if (user.role === 'customer_service') return { kind: 'customers' };
  return { kind: 'own', userId: user.id };
}
