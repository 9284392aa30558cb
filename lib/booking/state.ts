/**
 * The booking state machine as data: which action moves a booking from which statuses to which
 * status. Domain functions turn an entry into one conditional UPDATE (… WHERE status IN (from)),
 * so the table is the single statement of what is allowed.
 */
import type { BookingStatus } from '@/db/schema';

/** Statuses that hold the slot (product rule 1); the exclusion constraint lists the same. */
export const HOLDING_STATUSES = [
  'pending',
  'needs_info',
  'awaiting_confirmation',
  'confirmed',
  'in_use',
] as const satisfies readonly BookingStatus[];

/** Finished, with or without use; they never hold a slot. */
export const ENDED_STATUSES = [
  'completed',
  'rejected',
  'cancelled',
  'expired',
  'no_show',
] as const satisfies readonly BookingStatus[];

/** While admin is still deciding: coordination can be asked and answered. */
export const UNDER_REVIEW_STATUSES = ['pending', 'needs_info'] as const satisfies readonly BookingStatus[];

/**
 * Held bookings that have not started being used: the applicant may ask to move them, admin may
 * move or cancel them.
 */
export const CHANGEABLE_STATUSES = [
  'pending',
  'needs_info',
  'awaiting_confirmation',
  'confirmed',
] as const satisfies readonly BookingStatus[];

interface Transition {
  from: readonly BookingStatus[];
  /** Omitted: the action keeps the booking's status (it changes its slot or its change request). */
  to?: BookingStatus;
}

export const TRANSITIONS = {
  approve: { from: ['pending'], to: 'awaiting_confirmation' },
  reject: { from: ['pending', 'needs_info'], to: 'rejected' },
  request_info: { from: ['pending'], to: 'needs_info' },
  supplement: { from: ['needs_info'], to: 'pending' },
  confirm: { from: ['awaiting_confirmation'], to: 'confirmed' },
  decline: { from: ['awaiting_confirmation'], to: 'cancelled' },
  cancel: { from: ['pending', 'needs_info', 'awaiting_confirmation', 'confirmed'], to: 'cancelled' },
  expire: { from: ['awaiting_confirmation'], to: 'expired' },
  // Moving a booking (product rule 9): the applicant asks, admin decides; admin may also move or
  // cancel any held booking. A pending change request holds its new slot beside the booking's.
  request_change: { from: CHANGEABLE_STATUSES },
  approve_change: { from: CHANGEABLE_STATUSES },
  reject_change: { from: CHANGEABLE_STATUSES },
  withdraw_change: { from: CHANGEABLE_STATUSES },
  admin_move: { from: CHANGEABLE_STATUSES },
  admin_cancel: { from: CHANGEABLE_STATUSES, to: 'cancelled' },
  // The visit (policy III.4 ③): check-in, check-out, the no-show release, the completion job,
  // and admin's inspection afterwards (a note on the completed booking).
  check_in: { from: ['confirmed'], to: 'in_use' },
  check_out: { from: ['in_use'], to: 'completed' },
  mark_no_show: { from: ['confirmed'], to: 'no_show' },
  complete: { from: ['in_use', 'confirmed'], to: 'completed' },
  inspect: { from: ['completed'], to: 'completed' },
} as const satisfies Record<string, Transition>;

export type TransitionAction = keyof typeof TRANSITIONS;

export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

/** Actions that end in one fixed status: the ones scheduled jobs apply to many bookings at once. */
export type StatusSettingAction = {
  [A in TransitionAction]: (typeof TRANSITIONS)[A] extends { to: BookingStatus } ? A : never;
}[TransitionAction];

export function canTransition(action: TransitionAction, from: BookingStatus): boolean {
  return (TRANSITIONS[action].from as readonly BookingStatus[]).includes(from);
}

/** The status after `action` from `from`: its `to`, or `from` for an action that keeps the status. */
export function resultStatus(action: TransitionAction, from: BookingStatus): BookingStatus {
  const transition: Transition = TRANSITIONS[action];
  return transition.to ?? from;
}

export function isHolding(status: BookingStatus): boolean {
  return (HOLDING_STATUSES as readonly BookingStatus[]).includes(status);
}
