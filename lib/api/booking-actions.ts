/**
 * POST /api/v1/bookings/{id}/{action}: each action's body schema and the domain function it
 * calls — the same functions the portal's buttons call, which authorize and check the status.
 * The route and the OpenAPI document both read this table.
 */
import type { z } from 'zod';
import type { Db } from '@/db';
import type { Booking } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { cancelAsCaller } from '@/lib/booking/admin-cancel';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { confirmBooking, declineBooking, supplementBooking } from '@/lib/booking/applicant';
import { approveChange } from '@/lib/booking/approve-change';
import { rejectChange } from '@/lib/booking/reject-change';
import { withdrawChange } from '@/lib/booking/withdraw-change';
import { checkIn } from '@/lib/booking/check-in';
import { checkOut } from '@/lib/booking/check-out';
import { inspectBooking } from '@/lib/booking/inspect';
import { approveBooking, rejectBooking, requestInfo } from '@/lib/booking/review';
import { messageSchema, opinionSchema, optionalReasonSchema, reasonSchema, supplementSchema } from '@/lib/booking/schemas';
import { checkOutSchema, inspectSchema } from '@/lib/booking/visit-schemas';
import { approveBody, changeSlotBody, emptyBody } from './schemas';

export interface BookingAction<S extends z.ZodType = z.ZodType> {
  body: S;
  /** The body's name in the OpenAPI document (actions with the same body share it). */
  bodyName: string;
  /** Who may: for the OpenAPI description (the domain function decides). */
  who: string;
  summary: string;
  // A method, so that every entry fits the table's common type whatever its body.
  run(db: Db, actor: Actor, bookingId: string, input: z.output<S>): Promise<Booking>;
}

const action = <S extends z.ZodType>(spec: BookingAction<S>) => spec;

const ADMIN = 'admin';
const APPLICANT = 'the applicant (customer service for a customer booking)';

export const BOOKING_ACTIONS = {
  approve: action({
    body: approveBody,
    bodyName: 'ApproveRequest',
    who: ADMIN,
    summary: 'Approve a pending request (pending → awaiting_confirmation), optionally for another time or resource',
    run: (db, actor, bookingId, input) => approveBooking(db, actor, { bookingId, ...input }),
  }),
  reject: action({
    body: reasonSchema,
    bodyName: 'ReasonRequest',
    who: ADMIN,
    summary: 'Reject with a reason (pending | needs_info → rejected)',
    run: (db, actor, bookingId, input) => rejectBooking(db, actor, { bookingId, ...input }),
  }),
  'request-info': action({
    body: messageSchema,
    bodyName: 'MessageRequest',
    who: ADMIN,
    summary: 'Ask the applicant for more information (pending → needs_info)',
    run: (db, actor, bookingId, input) => requestInfo(db, actor, { bookingId, ...input }),
  }),
  supplement: action({
    body: supplementSchema,
    bodyName: 'SupplementRequest',
    who: APPLICANT,
    summary: 'Supply the information asked for, with optional corrections (needs_info → pending)',
    run: (db, actor, bookingId, input) => supplementBooking(db, actor, { bookingId, ...input }),
  }),
  confirm: action({
    body: emptyBody,
    bodyName: 'EmptyRequest',
    who: APPLICANT,
    summary: 'Confirm an approval before its deadline (awaiting_confirmation → confirmed)',
    run: (db, actor, bookingId) => confirmBooking(db, actor, { bookingId }),
  }),
  decline: action({
    body: optionalReasonSchema,
    bodyName: 'OptionalReasonRequest',
    who: APPLICANT,
    summary: 'Decline an approval (awaiting_confirmation → cancelled)',
    run: (db, actor, bookingId, input) => declineBooking(db, actor, { bookingId, ...input }),
  }),
  cancel: action({
    body: reasonSchema,
    bodyName: 'ReasonRequest',
    who: `${APPLICANT}, or admin (any held booking)`,
    summary: 'Cancel with a reason (pending | needs_info | awaiting_confirmation | confirmed → cancelled)',
    // Admin cancels others' bookings as admin (its own action in the history), its own as the applicant.
    run: (db, actor, bookingId, input) => cancelAsCaller(db, actor, { bookingId, ...input }),
  }),
  // Moving a booking (product rule 9). POST …/request-change has its own route: it answers 201
  // with the change request.
  'approve-change': action({
    body: opinionSchema,
    bodyName: 'OpinionRequest',
    who: ADMIN,
    summary: 'Approve the pending change request: the booking moves to the requested slot (status kept, .ics SEQUENCE up)',
    run: (db, actor, bookingId, input) => approveChange(db, actor, { bookingId, ...input }),
  }),
  'reject-change': action({
    body: reasonSchema,
    bodyName: 'ReasonRequest',
    who: ADMIN,
    summary: 'Refuse the pending change request with a reason: the requested slot is released, the booking stays',
    run: (db, actor, bookingId, input) => rejectChange(db, actor, { bookingId, ...input }),
  }),
  'withdraw-change': action({
    body: emptyBody,
    bodyName: 'EmptyRequest',
    who: APPLICANT,
    summary: 'Take back the pending change request: the requested slot is released',
    run: (db, actor, bookingId) => withdrawChange(db, actor, { bookingId }),
  }),
  move: action({
    body: changeSlotBody,
    bodyName: 'ChangeSlotRequest',
    who: ADMIN,
    summary: 'Move a held booking to another time or resource, with a reason (checked like a new request; .ics SEQUENCE up)',
    run: (db, actor, bookingId, input) => adminMoveBooking(db, actor, { bookingId, ...input }),
  }),
  // The visit.
  'check-in': action({
    body: emptyBody,
    bodyName: 'EmptyRequest',
    who: `${APPLICANT}, or admin`,
    summary:
      'Check in (confirmed → in_use), from `check_in_opens_minutes` before the start until the no-show deadline (409 `check_in_not_open` / `check_in_closed`)',
    run: (db, actor, bookingId) => checkIn(db, actor, { bookingId }, { via: 'api' }),
  }),
  'check-out': action({
    body: checkOutSchema,
    bodyName: 'CheckOutRequest',
    who: `${APPLICANT}, or admin`,
    summary:
      "Check out with the resource's return checklist (in_use → completed); leaving early frees the rest of the slot (409 `not_checked_in` before a check-in)",
    run: (db, actor, bookingId, input) => checkOut(db, actor, { bookingId, ...input }),
  }),
  inspect: action({
    body: inspectSchema,
    bodyName: 'InspectRequest',
    who: ADMIN,
    summary: 'Record the inspection after use, once (completed; 409 `already_inspected`)',
    run: (db, actor, bookingId, input) => inspectBooking(db, actor, { bookingId, ...input }),
  }),
};

export type BookingActionName = keyof typeof BOOKING_ACTIONS;

export function isBookingAction(name: string): name is BookingActionName {
  return Object.hasOwn(BOOKING_ACTIONS, name);
}
