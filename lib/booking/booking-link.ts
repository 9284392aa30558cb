/**
 * The links in booking e-mails: `/r/<token>` behind an approval's Confirm / Decline buttons
 * (token purpose `respond`, single use, for staff and customer bookings alike) and `/m/<token>`,
 * a customer's page for their booking (purpose `manage`, until shortly after the visit ends, while
 * damage found during it may still be reported: lib/incidents/report-window.ts). Both are one
 * use case: the token is the only credential and names one booking — nothing here takes a
 * booking id from the caller — and one rule says whether a link is still open.
 *
 * Loading only reads: mail scanners and link previews open every link with GET or HEAD. The
 * actions call the booking domain's applicant functions as the link's holder: a respond token
 * is used up in the same transaction as the change (so two clicks cannot both succeed), a
 * manage token serves the customer until the visit ends.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { actionTokens, bookings, resources, users, type Booking, type BookingStatus, type ChangeRequest, type Locale } from '@/db/schema';
import { ANONYMOUS, type Actor, type CustomerActor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { reportIncident } from '@/lib/incidents/report';
import { inReportWindow } from '@/lib/incidents/report-window';
import { getSettings } from '@/lib/settings';
import { hashToken, isTokenShaped, type TokenPurpose } from '@/lib/tokens';
import { cancelBooking, canStillCancel, canStillConfirm, confirmBooking, declineBooking, supplementBooking } from './applicant';
import { loadPendingChange } from './change-requests';
import { canRequestChange, changeDeadline, requestChange } from './request-change';
import { confirmOtherOccurrences } from './series/actions';
import { checkIn } from './check-in';
import { canTransition } from './state';
import { allowedVisitActions } from './visit-window';

/** `open`: the link works; `used` / `expired`: it did once (the page says so, with status 410); `unknown`: never did (404). */
export type LinkState = 'open' | 'used' | 'expired' | 'unknown';

export type LinkAction = 'confirm' | 'decline' | 'cancel' | 'checkIn' | 'requestChange' | 'supplement' | 'reportProblem';

const LINK_PURPOSES: readonly TokenPurpose[] = ['respond', 'manage'];

interface FoundLink {
  state: Exclude<LinkState, 'unknown'>;
  tokenId: string;
  purpose: TokenPurpose;
  booking: Booking;
  resource: typeof resources.$inferSelect;
  requesterLocale: Locale | null;
}

/**
 * The one rule: a link is a token of a link purpose (a manage link for a customer's booking
 * only — staff manage theirs in the portal); it is open until it is used or expires.
 */
async function findLink(db: Db, token: string, now: Date): Promise<FoundLink | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({ token: actionTokens, booking: bookings, resource: resources, requesterLocale: users.locale })
    .from(actionTokens)
    .innerJoin(bookings, eq(bookings.id, actionTokens.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .leftJoin(users, eq(users.id, bookings.requesterUserId))
    .where(eq(actionTokens.tokenHash, hashToken(token)));
  if (!row || !LINK_PURPOSES.includes(row.token.purpose)) return null;
  if (row.token.purpose === 'manage' && row.booking.requesterKind !== 'customer') return null;
  const state = row.token.usedAt ? 'used' : row.token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
  return { state, tokenId: row.token.id, purpose: row.token.purpose, booking: row.booking, resource: row.resource, requesterLocale: row.requesterLocale };
}

/** Whether a link still works; what the page's HTTP status follows (open 200, used/expired 410, unknown 404). */
export async function linkState(db: Db, token: string, now: Date = new Date()): Promise<LinkState> {
  return (await findLink(db, token, now))?.state ?? 'unknown';
}

export interface LinkPage {
  state: Exclude<LinkState, 'unknown'>;
  purpose: TokenPurpose;
  applicant: 'staff' | 'customer';
  /** For the applicant's own way in: the portal page of a staff booking. */
  bookingId: string;
  reference: string;
  status: BookingStatus;
  resourceId: string;
  resource: { nameZh: string; nameEn: string; location: string; locationEn: string; notesZh: string; notesEn: string };
  startAt: Date;
  endAt: Date;
  confirmDeadline: Date | null;
  /** What was asked and answered — only while the link is open. */
  details: {
    reviewOpinion: string | null;
    /** Administration's question while the booking needs information. */
    infoRequest: string | null;
    statusReason: string | null;
    contactName: string;
    company: string | null;
    visitors: number | null;
    specialNeeds: string;
  } | null;
  /** What the link may do now, by the same rules the domain enforces; nothing once it is closed. */
  actions: Record<LinkAction, boolean>;
  /** Moving the visit (manage links): until when it may be asked, what is asked, where it may go. */
  change: {
    deadline: Date;
    noticeHours: number;
    pending: Pick<ChangeRequest, 'newResourceId' | 'newStartAt' | 'newEndAt' | 'reason'> | null;
    resources: { id: string; nameZh: string; nameEn: string }[];
  } | null;
  /** The organisation's zone: show every time in it. */
  timeZone: string;
  /** Where to write with a question. */
  serviceMailbox: string;
  /** The applicant's language (the page's default). */
  locale: Locale;
}

/** The link page's data, or null for a link that never was one. Changes nothing. */
export async function loadLinkPage(db: Db, token: string, opts: { now?: Date } = {}): Promise<LinkPage | null> {
  const now = opts.now ?? new Date();
  const link = await findLink(db, token, now);
  if (!link) return null;
  const { booking, resource } = link;
  const settings = await getSettings(db);
  const { timeZone, serviceMailbox, changeNoticeHours } = settings;
  const open = link.state === 'open';
  const customer = customerOf(booking);
  const manages = open && link.purpose === 'manage';
  const pending = manages ? await loadPendingChange(db, booking.id) : undefined;
  return {
    state: link.state,
    purpose: link.purpose,
    applicant: booking.requesterKind,
    bookingId: booking.id,
    reference: booking.reference,
    status: booking.status,
    resourceId: booking.resourceId,
    resource: {
      nameZh: resource.nameZh,
      nameEn: resource.nameEn,
      location: resource.location,
      locationEn: resource.locationEn,
      notesZh: resource.notesZh,
      notesEn: resource.notesEn,
    },
    startAt: booking.startAt,
    endAt: booking.endAt,
    confirmDeadline: booking.confirmDeadline,
    details: open
      ? {
          reviewOpinion: booking.reviewOpinion,
          infoRequest: booking.status === 'needs_info' ? booking.infoRequest : null,
          statusReason: booking.statusReason,
          contactName: booking.contactName,
          company: booking.company,
          visitors: booking.attendees,
          specialNeeds: booking.specialNeeds,
        }
      : null,
    actions: {
      confirm: open && canStillConfirm(booking, now),
      decline: open && canTransition('decline', booking.status),
      // Cancelling takes the manage link; an approval's buttons answer the approval only.
      cancel: open && link.purpose === 'manage' && canStillCancel(booking, now),
      // Checking in, like cancelling, is for the customer's own page.
      checkIn: manages && allowedVisitActions(booking, resource, settings, customer, now).checkIn,
      requestChange: manages && !pending && canRequestChange(booking, now, changeNoticeHours),
      // Answering "more information, please" is the customer's, on their own page (or by replying).
      supplement: manages && canTransition('supplement', booking.status),
      // Damage or an abnormality found during the visit or just after it.
      reportProblem: manages && inReportWindow(booking, now),
    },
    change: manages
      ? {
          deadline: changeDeadline(booking, changeNoticeHours),
          noticeHours: changeNoticeHours,
          pending: pending ?? null,
          resources: await db
            .select({ id: resources.id, nameZh: resources.nameZh, nameEn: resources.nameEn })
            .from(resources)
            .where(and(eq(resources.customerBookable, true), eq(resources.state, 'in_service')))
            .orderBy(asc(resources.code)),
        }
      : null,
    timeZone,
    serviceMailbox,
    locale: booking.requesterKind === 'staff' ? (link.requesterLocale ?? booking.locale) : booking.locale,
  };
}

/**
 * The one way a link acts: an open link's holder, as the booking domain sees them. A respond
 * token is handed to the domain, which authorizes by it and uses it up with the change; a
 * manage token stands for its booking's customer and stays usable.
 */
async function linkHolder(db: Db, token: string, now: Date): Promise<{ actor: Actor; bookingId: string; opts: { now: Date; tokenId?: string } }> {
  const link = await findLink(db, token, now);
  if (!link || link.state !== 'open') throw new DomainError('token_invalid');
  const { booking } = link;
  if (link.purpose === 'respond') return { actor: ANONYMOUS, bookingId: booking.id, opts: { now, tokenId: link.tokenId } };
  return { actor: customerOf(booking), bookingId: booking.id, opts: { now } };
}

/** A manage link stands for its booking's customer. */
function customerOf(booking: Booking): CustomerActor {
  return { kind: 'customer', bookingId: booking.id, email: booking.contactEmail ?? '' };
}

export interface LinkActionResult {
  reference: string;
  status: BookingStatus;
}

const result = (booking: Booking): LinkActionResult => ({ reference: booking.reference, status: booking.status });

/** Confirms an approval before its deadline (`deadline_passed` after it). */
export async function confirmByLink(db: Db, token: string, opts: { now?: Date } = {}): Promise<LinkActionResult> {
  const now = opts.now ?? new Date();
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, now);
  const booking = await confirmBooking(db, actor, { bookingId }, linkOpts);
  // A series is confirmed once: the link of any of its dates confirms the others too.
  if (booking.seriesId) await confirmOtherOccurrences(db, booking.seriesId, now);
  return result(booking);
}

/** Declines an approval; a reason may be given. */
export async function declineByLink(
  db: Db,
  token: string,
  input: { reason?: string } = {},
  opts: { now?: Date } = {},
): Promise<LinkActionResult> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  return result(await declineBooking(db, actor, { bookingId, reason: input.reason }, linkOpts));
}

/** Cancels with a reason; the domain refuses it once the visit has ended. A respond link cannot cancel. */
export async function cancelByLink(
  db: Db,
  token: string,
  input: { reason: string },
  opts: { now?: Date } = {},
): Promise<LinkActionResult> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  return result(await cancelBooking(db, actor, { bookingId, reason: input.reason }, linkOpts));
}

/** Checks the customer in, from the manage link, inside the check-in window. */
export async function checkInByLink(db: Db, token: string, opts: { now?: Date } = {}): Promise<LinkActionResult> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  // A respond link answers the approval only.
  if (actor.kind !== 'customer') throw new DomainError('token_invalid');
  return result(await checkIn(db, actor, { bookingId }, { now: linkOpts.now, via: 'link' }));
}

/** Asks to move the visit (a manage link only); the slot asked for is held until admin decides. */
export async function requestChangeByLink(
  db: Db,
  token: string,
  input: Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<LinkActionResult> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  if (actor.kind !== 'customer') throw new DomainError('token_invalid');
  await requestChange(db, actor, { ...input, bookingId }, linkOpts);
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  return result(booking);
}

/** Supplies the information admin asked for (a manage link only); the request goes back to review. */
export async function supplementByLink(
  db: Db,
  token: string,
  input: { message: string },
  opts: { now?: Date } = {},
): Promise<LinkActionResult> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  // A respond link answers the approval only.
  if (actor.kind !== 'customer') throw new DomainError('token_invalid');
  return result(await supplementBooking(db, actor, { bookingId, message: input.message }, linkOpts));
}

/**
 * Reports damage or an abnormality on the booked resource (a manage link only), during the visit
 * or just after it; a blocking report puts the resource under maintenance (lib/incidents/report.ts).
 */
export async function reportProblemByLink(
  db: Db,
  token: string,
  input: { severity: string; description: string },
  opts: { now?: Date } = {},
): Promise<{ affected: number }> {
  const { actor, bookingId, opts: linkOpts } = await linkHolder(db, token, opts.now ?? new Date());
  if (actor.kind !== 'customer') throw new DomainError('token_invalid');
  const [booking] = await db.select({ resourceId: bookings.resourceId }).from(bookings).where(eq(bookings.id, bookingId));
  // Only the severity and the description come from the customer: the booking is the link's.
  const report = { severity: input.severity, description: input.description, bookingId };
  const { affectedBookings } = await reportIncident(db, actor, booking.resourceId, report, { now: linkOpts.now });
  return { affected: affectedBookings.length };
}
