/**
 * The customer's own page for their booking, reached by the link in their e-mails (/m/<token>,
 * token purpose `manage`; the approval mail's `respond` link works too). The token is the only
 * credential and names one booking: nothing here takes a booking id from the caller.
 *
 * Loading only reads — mail scanners and link previews open every link. The actions call the
 * booking domain's applicant functions as a `CustomerActor` for the token's booking. A manage
 * token is not used up by them (it serves the customer until the visit ends); a respond token
 * is, in the same transaction as the change, as the booking domain does for e-mail links.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type Booking, type BookingStatus, type Locale } from '@/db/schema';
import type { CustomerActor } from '@/lib/authz';
import { cancelBooking, confirmBooking, declineBooking } from './applicant';
import { canTransition } from './state';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { resolveToken, type TokenPurpose } from '@/lib/tokens';

const LINK_PURPOSES: readonly TokenPurpose[] = ['manage', 'respond'];

export interface ManagedBooking {
  reference: string;
  status: BookingStatus;
  /** Why it ended, when it did (a decline, a cancellation, a rejection's reason). */
  statusReason: string | null;
  reviewOpinion: string | null;
  resource: { nameZh: string; nameEn: string; location: string; notesZh: string; notesEn: string };
  startAt: Date;
  endAt: Date;
  /** The organisation's zone: show every time in it. */
  timeZone: string;
  confirmDeadline: Date | null;
  /** What the customer entered, to read back. */
  contactName: string;
  company: string | null;
  visitors: number | null;
  specialNeeds: string;
  /** The language the customer booked in (the page's default). */
  locale: Locale;
  actions: { confirm: boolean; decline: boolean; cancel: boolean };
}

/** The booking a live link token stands for, if it is a customer's; else `token_invalid`. */
async function bookingOfToken(db: Db, token: string, now: Date) {
  const { id: tokenId, bookingId, purpose } = await resolveToken(db, token, LINK_PURPOSES, now);
  const [row] = await db
    .select({ booking: bookings, resource: resources })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId));
  if (!row || row.booking.requesterKind !== 'customer') throw new DomainError('token_invalid');
  return { ...row, tokenId, purpose };
}

/**
 * What the customer may do now, by the same transition table the domain enforces. The approval
 * mail's respond link answers the approval only; cancelling takes the manage link.
 */
function allowedActions(booking: Booking, purpose: TokenPurpose, now: Date): ManagedBooking['actions'] {
  const beforeDeadline = booking.confirmDeadline !== null && booking.confirmDeadline.getTime() > now.getTime();
  return {
    confirm: canTransition('confirm', booking.status) && beforeDeadline,
    decline: canTransition('decline', booking.status),
    cancel: purpose === 'manage' && canTransition('cancel', booking.status) && booking.endAt.getTime() > now.getTime(),
  };
}

/** The link page's data. Changes nothing: the token stays as it was. */
export async function loadManagedBooking(db: Db, token: string, opts: { now?: Date } = {}): Promise<ManagedBooking> {
  const now = opts.now ?? new Date();
  const { booking, resource, purpose } = await bookingOfToken(db, token, now);
  const { timeZone } = await getSettings(db);
  return {
    reference: booking.reference,
    status: booking.status,
    statusReason: booking.statusReason,
    reviewOpinion: booking.reviewOpinion,
    resource: {
      nameZh: resource.nameZh,
      nameEn: resource.nameEn,
      location: resource.location,
      notesZh: resource.notesZh,
      notesEn: resource.notesEn,
    },
    startAt: booking.startAt,
    endAt: booking.endAt,
    timeZone,
    confirmDeadline: booking.confirmDeadline,
    contactName: booking.contactName,
    company: booking.company,
    visitors: booking.attendees,
    specialNeeds: booking.specialNeeds,
    locale: booking.locale,
    actions: allowedActions(booking, purpose, now),
  };
}

/** The customer the token speaks for, and the token to use up when it is single-use. */
async function linkActor(db: Db, token: string, now: Date) {
  const { booking, tokenId, purpose } = await bookingOfToken(db, token, now);
  const actor: CustomerActor = { kind: 'customer', bookingId: booking.id, email: booking.contactEmail ?? '' };
  return { actor, bookingId: booking.id, opts: { now, tokenId: purpose === 'respond' ? tokenId : undefined } };
}

export interface CustomerActionResult {
  reference: string;
  status: BookingStatus;
}

const result = (booking: Booking): CustomerActionResult => ({ reference: booking.reference, status: booking.status });

/** Confirms an approval before its deadline (`deadline_passed` after it). */
export async function customerConfirm(db: Db, token: string, opts: { now?: Date } = {}): Promise<CustomerActionResult> {
  const link = await linkActor(db, token, opts.now ?? new Date());
  return result(await confirmBooking(db, link.actor, { bookingId: link.bookingId }, link.opts));
}

/** Declines an approval; a reason may be given. */
export async function customerDecline(
  db: Db,
  token: string,
  input: { reason?: string } = {},
  opts: { now?: Date } = {},
): Promise<CustomerActionResult> {
  const link = await linkActor(db, token, opts.now ?? new Date());
  return result(await declineBooking(db, link.actor, { bookingId: link.bookingId, reason: input.reason }, link.opts));
}

/** Cancels with a reason (pending, needs info, awaiting confirmation or confirmed). */
export async function customerCancel(
  db: Db,
  token: string,
  input: { reason: string },
  opts: { now?: Date } = {},
): Promise<CustomerActionResult> {
  const link = await linkActor(db, token, opts.now ?? new Date());
  return result(await cancelBooking(db, link.actor, { bookingId: link.bookingId, reason: input.reason }, link.opts));
}
