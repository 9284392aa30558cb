/**
 * Notifications: turn "this happened to booking X" into outbox rows, inside the caller's
 * transaction, so the e-mail exists exactly when the change does.
 *
 * `notify` loads what the mail shows, picks the recipients (staff: their account's address and
 * language; customers: the booking's contact address and language; admins, department contacts
 * or the service mailbox for the internal notices), issues link tokens where the mail has
 * buttons, and queues one row per recipient. The dedupe key `${bookingId}:${kind}:${occasion}`
 * (plus the recipient for notices that go to several people) makes a second send impossible:
 * calling `notify` twice for the same occasion queues nothing the second time.
 */
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  bookings,
  coordinationRequests,
  departments,
  emailOutbox,
  resources,
  users,
  type Booking,
  type Locale,
  type PolicySettings,
  type Resource,
} from '@/db/schema';
import type { TemplateName, TemplateProps } from '@/emails';
import { emailTranslator } from '@/emails/components/i18n';
import type { BookingSummary } from '@/emails/components/types';
import { describeStatusReason } from '@/lib/booking/status-reason';
import { reportClosesAt } from '@/lib/incidents/report-window';
import { localizedLocation, localizedName, localizedNotes } from '@/lib/i18n/localized';
import { loadLatestChange } from '@/lib/booking/change-requests';
import { translator } from '@/lib/i18n/messages';
import { getSettings } from '@/lib/settings';
import { mailToken, type TokenRow } from '@/lib/tokens';
import { INVITATION_TEMPLATES } from './ics';
import { mailLinks } from './links';
import { enqueueEmail, type OutboxEntry } from './outbox';

export type NotificationKind =
  | 'request_received'
  | 'info_requested'
  | 'approved'
  | 'confirmation_reminder'
  | 'confirmed'
  | 'declined'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'coordination_requested'
  | 'reply_unrecognized'
  | 'reply_not_understood'
  | 'visit_reminder'
  | 'service_confirmed'
  | 'displaced'
  | 'change_requested'
  | 'change_approved'
  | 'change_rejected'
  | 'moved'
  // The visit.
  | 'no_show'
  | 'checked_out'
  | 'incident_affected'
  // Admin planned maintenance over the booking.
  | 'maintenance_scheduled';

export interface NotifyExtra {
  /** Tells two notices of one kind for one booking apart; defaults to the booking's version. */
  occasion?: string | number;
  /** coordination_requested: the departments asked (their contacts are e-mailed). */
  departmentIds?: string[];
  /** reply_unrecognized: who replied and what they wrote (quoted history removed). */
  from?: string;
  excerpt?: string;
  /** displaced, incident_affected: free slots to offer, best first. */
  alternatives?: { resourceId: string; startAt: string; endAt: string }[];
  /** moved: why admin moved the booking. */
  reason?: string;
}

/** What the outbox stores: the template's props without the locale (the row has it). */
export type MailPayload<K extends TemplateName> = Omit<TemplateProps[K], 'locale'> & {
  /**
   * For mails with a calendar part (lib/mail/ics.ts): the event's SEQUENCE (the booking's
   * version). On a CANCEL mail its presence says an invitation went out earlier.
   */
  calendar?: { sequence: number };
};

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

export interface Context {
  tx: Db;
  booking: Booking;
  resource: Resource;
  settings: PolicySettings;
  occasion: string;
  /** Whether an invitation was queued for the booking earlier; the bulk path reads it for all at once. */
  invited?: boolean;
  /** The applicant's address, when the caller has it at hand (undefined: looked up; null: none). */
  applicant?: Recipient | null;
  /** Link tokens drawn while building a mail, written with it (lib/mail/outbox.ts). */
  tokens: TokenRow[];
}

/** What a caller that has just written the booking already holds: nothing is read back. */
export type LoadedBooking = Pick<Context, 'booking' | 'resource' | 'settings' | 'applicant'>;

/** Queues the e-mails for `kind`; returns how many rows were new (0 when already queued). */
export async function notify(tx: Db, kind: NotificationKind, bookingId: string, extra: NotifyExtra = {}): Promise<number> {
  const [row] = await tx
    .select({ booking: bookings, resource: resources })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(eq(bookings.id, bookingId));
  if (!row) throw new Error(`notify(${kind}): booking ${bookingId} not found`);
  return notifyLoaded(tx, kind, { ...row, settings: await getSettings(tx) }, extra);
}

/** `notify` for a booking the caller holds, with its resource and the policy values. */
export async function notifyLoaded(tx: Db, kind: NotificationKind, loaded: LoadedBooking, extra: NotifyExtra = {}): Promise<number> {
  const ctx: Context = { tx, ...loaded, occasion: String(extra.occasion ?? loaded.booking.version), tokens: [] };
  const { booking, resource } = ctx;

  switch (kind) {
    case 'request_received':
    case 'reply_not_understood':
      return toApplicant(ctx, kind, (r) => applicantBase(ctx, r));
    case 'info_requested':
      return toApplicant(ctx, kind, async (r) => ({ ...(await applicantBase(ctx, r)), message: booking.infoRequest ?? '' }));
    case 'declined':
      return toApplicant(ctx, kind, async (r) => ({ ...(await applicantBase(ctx, r)), ...(await withdrawal(ctx)) }));
    case 'rejected':
    case 'cancelled':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        reason: reasonFor(booking, r.locale),
        ...(await withdrawal(ctx)),
      }));
    case 'expired':
      return toApplicant(ctx, kind, (r) => expiredPayload(ctx, r));
    case 'confirmed':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        notes: localizedNotes(resource, r.locale),
        calendar: { sequence: booking.version },
      }));
    case 'visit_reminder':
      return toApplicant(ctx, kind, (r) => visitReminderPayload(ctx, r));
    case 'approved':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await respondBase(ctx, r)),
        opinion: booking.reviewOpinion ?? '',
        notes: localizedNotes(resource, r.locale),
        deadline: deadlineOf(booking).toISOString(),
        calendar: { sequence: booking.version },
      }));
    case 'confirmation_reminder':
      return toApplicant(ctx, kind, (r) => confirmationReminderPayload(ctx, r));
    case 'displaced':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        links: { view: mailLinks.booking(booking.id), newBooking: mailLinks.newBooking() },
        reason: reasonFor(booking, r.locale),
        alternatives: await describeAlternatives(tx, extra.alternatives ?? [], r.locale, booking.requesterKind),
        ...(await withdrawal(ctx)),
      }));
    case 'incident_affected':
    case 'maintenance_scheduled':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        description: booking.flaggedReason ?? '',
        alternatives: await describeAlternatives(tx, extra.alternatives ?? [], r.locale, booking.requesterKind),
      }));
    case 'change_requested':
      return toApplicant(ctx, kind, async (r) => {
        const change = await latestChange(ctx);
        const [target] = await tx.select().from(resources).where(eq(resources.id, change.newResourceId));
        return {
          ...(await applicantBase(ctx, r)),
          requested: {
            resourceName: localizedName(target ?? resource, r.locale),
            startAt: change.newStartAt.toISOString(),
            endAt: change.newEndAt.toISOString(),
          },
          reason: change.reason,
        };
      });
    case 'change_approved':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        opinion: (await latestChange(ctx)).decisionNote ?? '',
        notes: localizedNotes(resource, r.locale),
        calendar: { sequence: booking.version },
      }));
    case 'change_rejected':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        reason: (await latestChange(ctx)).decisionNote ?? '',
      }));
    case 'moved':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        reason: extra.reason ?? '',
        notes: localizedNotes(resource, r.locale),
        calendar: { sequence: booking.version },
      }));
    // The visit: released as a no-show (the deadline was start + grace), and the check-out receipt.
    case 'no_show':
      return toApplicant(ctx, kind, (r) => noShowPayload(ctx, r));
    case 'checked_out':
      return toApplicant(ctx, kind, async (r) => ({
        ...(await applicantBase(ctx, r)),
        checkedOutAt: (booking.checkedOutAt ?? booking.updatedAt).toISOString(),
        condition: booking.checkoutCondition ?? 'ok',
        notes: booking.checkoutNotes ?? '',
        checklist: (booking.checkoutChecklist ?? []).map((answer) => ({
          label: resource.checklist.find((item) => item.key === answer.key)?.label[r.locale] ?? answer.key,
          done: answer.done,
          ...(answer.note && { note: answer.note }),
        })),
      }));
    case 'coordination_requested':
      return notifyCoordination(ctx, extra.departmentIds ?? []);
    case 'reply_unrecognized':
      return notifyAdmins(ctx, extra);
    case 'service_confirmed':
      return notifyServiceDesk(ctx);
  }
}

export const TEMPLATE = {
  request_received: 'request-received',
  info_requested: 'info-requested',
  approved: 'approved',
  confirmation_reminder: 'confirmation-reminder',
  confirmed: 'confirmed',
  declined: 'declined',
  rejected: 'rejected',
  expired: 'expired',
  cancelled: 'cancelled',
  coordination_requested: 'coordination-requested',
  reply_unrecognized: 'reply-unrecognized',
  reply_not_understood: 'reply-not-understood',
  visit_reminder: 'visit-reminder',
  service_confirmed: 'service-confirmed',
  displaced: 'displaced',
  change_requested: 'change-requested',
  change_approved: 'change-approved',
  change_rejected: 'change-rejected',
  moved: 'moved',
  no_show: 'no-show-released',
  checked_out: 'checked-out',
  incident_affected: 'incident-affected',
  maintenance_scheduled: 'maintenance-scheduled',
} as const satisfies Record<NotificationKind, TemplateName>;

type KindWithTemplate<K extends NotificationKind> = (typeof TEMPLATE)[K];

export function dedupeKey(ctx: Context, kind: NotificationKind, recipient?: Recipient): string {
  const key = `${ctx.booking.id}:${kind}:${ctx.occasion}`;
  return recipient ? `${key}:${recipient.email.toLowerCase()}` : key;
}

/** `perRecipient`: notices that go to several people carry the address in their key. */
async function queue(
  ctx: Context,
  kind: NotificationKind,
  recipient: Recipient,
  payload: MailPayload<TemplateName>,
  perRecipient: boolean,
): Promise<boolean> {
  return enqueueEmail(ctx.tx, outboxEntry(ctx, kind, recipient, payload, perRecipient));
}

function outboxEntry(
  ctx: Context,
  kind: NotificationKind,
  recipient: Recipient,
  payload: MailPayload<TemplateName>,
  perRecipient: boolean,
): OutboxEntry {
  return {
    template: TEMPLATE[kind],
    to: recipient.email,
    locale: recipient.locale,
    dedupeKey: dedupeKey(ctx, kind, perRecipient ? recipient : undefined),
    bookingId: ctx.booking.id,
    payload: payload as unknown as Record<string, unknown>,
    tokens: ctx.tokens.splice(0),
  };
}

/** What a new booking's "request received" mail is built from before its row exists. */
export type BookingDraft = Pick<Booking, 'id' | 'requesterKind' | 'startAt' | 'endAt' | 'purpose' | 'attendees' | 'version'>;

/**
 * The "request received" mail of a booking not yet written, as the outbox entry that the
 * statement writing the booking queues with it (lib/booking/create.ts); nothing is queued here.
 * The reference is drawn by the database as the row is written, and filled in by that statement
 * (lib/mail/outbox.ts `outboxWrites`).
 */
export async function requestReceivedEntry(
  tx: Db,
  draft: BookingDraft,
  loaded: Pick<Context, 'resource' | 'settings'>,
  applicant: Recipient,
): Promise<OutboxEntry> {
  // The mail reads the draft's fields only, and the reference, which is not known yet.
  const booking = { ...draft, reference: '' } as Booking;
  const ctx: Context = { tx, booking, ...loaded, applicant, occasion: String(draft.version), tokens: [] };
  return outboxEntry(ctx, 'request_received', applicant, await applicantBase(ctx, applicant), false);
}

/** Mails to the applicant: the staff requester, or the customer's contact address. */
async function toApplicant<K extends Exclude<NotificationKind, 'coordination_requested' | 'reply_unrecognized' | 'service_confirmed'>>(
  ctx: Context,
  kind: K,
  build: (recipient: Recipient) => Promise<MailPayload<KindWithTemplate<K>>>,
): Promise<number> {
  const recipient = ctx.applicant === undefined ? await applicantRecipient(ctx.tx, ctx.booking) : ctx.applicant;
  if (!recipient) return 0;
  return (await queue(ctx, kind, recipient, await build(recipient), false)) ? 1 : 0;
}

/**
 * Where mail for the applicant goes: the staff requester's account address and language, or
 * the customer's contact address and the language they booked in. Replies must come from it.
 */
export async function applicantRecipient(
  tx: Db,
  booking: Pick<Booking, 'requesterKind' | 'requesterUserId' | 'contactEmail' | 'contactName' | 'locale'>,
): Promise<Recipient | undefined> {
  if (booking.requesterKind === 'customer') {
    if (!booking.contactEmail) return undefined;
    return { email: booking.contactEmail, name: booking.contactName, locale: booking.locale };
  }
  if (!booking.requesterUserId) return undefined;
  const [user] = await tx.select().from(users).where(eq(users.id, booking.requesterUserId));
  return user && { email: user.email, name: user.name, locale: user.locale };
}

/** What every booking e-mail shows about the booking, in the reader's language (also the follow-up survey's). */
export function summary({ booking, resource, settings }: Pick<Context, 'booking' | 'resource' | 'settings'>, locale: Locale): BookingSummary {
  return {
    reference: booking.reference,
    resourceName: localizedName(resource, locale),
    location: localizedLocation(resource, locale),
    startAt: booking.startAt.toISOString(),
    endAt: booking.endAt.toISOString(),
    timeZone: settings.timeZone,
    purpose: booking.purpose,
    attendees: booking.attendees,
  };
}

/**
 * The applicant's own view of the booking: the portal page for staff; for customers (who have
 * no account) a `manage` link that works until the visit ends and a little beyond, while damage
 * found during the visit may still be reported through it (lib/incidents/report-window.ts).
 */
async function viewLink(ctx: Context): Promise<string> {
  const { booking } = ctx;
  if (booking.requesterKind === 'staff') return mailLinks.booking(booking.id);
  const token = mailToken({ bookingId: booking.id, purpose: 'manage', expiresAt: reportClosesAt(booking) });
  ctx.tokens.push(token.row);
  return mailLinks.manage(token.placeholder);
}

/** The confirmation window closed unanswered: the booking expired (视为自动放弃). */
export async function expiredPayload(ctx: Context, recipient: Recipient): Promise<MailPayload<'expired'>> {
  return {
    ...(await applicantBase(ctx, recipient)),
    deadline: deadlineOf(ctx.booking).toISOString(),
    ...(await withdrawal(ctx)),
  };
}

/** Still unconfirmed some hours before the deadline: the confirm and decline buttons again. */
export async function confirmationReminderPayload(ctx: Context, recipient: Recipient): Promise<MailPayload<'confirmation-reminder'>> {
  return {
    ...(await respondBase(ctx, recipient)),
    notes: localizedNotes(ctx.resource, recipient.locale),
    deadline: deadlineOf(ctx.booking).toISOString(),
  };
}

/** The customer's visit is near: the details and the resource's notes. */
export async function visitReminderPayload(ctx: Context, recipient: Recipient): Promise<MailPayload<'visit-reminder'>> {
  return { ...(await applicantBase(ctx, recipient)), notes: localizedNotes(ctx.resource, recipient.locale) };
}

/** The no-show notice: the deadline that passed was the start plus the grace period. */
export async function noShowPayload(ctx: Context, recipient: Recipient): Promise<MailPayload<'no-show-released'>> {
  return {
    ...(await applicantBase(ctx, recipient)),
    deadline: new Date(ctx.booking.startAt.getTime() + ctx.settings.noShowGraceMinutes * 60_000).toISOString(),
    ...(await withdrawal(ctx)),
  };
}

/**
 * The booking will not take place: if an invitation put it in the applicant's calendar
 * (approval, confirmation, change, move), the mail takes it out again — CANCEL with the booking's
 * version as SEQUENCE, which the status change just raised above the invitation's. A request
 * rejected or cancelled while pending never had an invitation, so its mail has no calendar part.
 */
async function withdrawal(ctx: Context): Promise<{ calendar?: { sequence: number } }> {
  const invited = ctx.invited ?? (await invitedBookings(ctx.tx, [ctx.booking.id])).has(ctx.booking.id);
  return invited ? { calendar: { sequence: ctx.booking.version } } : {};
}

/** Of `bookingIds`, those an invitation was queued for (sent, or still ahead of this mail in the outbox). */
export async function invitedBookings(tx: Db, bookingIds: readonly string[]): Promise<Set<string>> {
  if (bookingIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(inArray(bookings.id, [...bookingIds]), invitationQueued(bookings.id)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether an invitation was queued for the booking `bookingId` names (a column or a value).
 * Uncorrelated, so that over many bookings PostgreSQL reads the invitations once into a hash.
 */
export function invitationQueued(bookingId: SQLWrapper): SQL<boolean> {
  return sql<boolean>`${bookingId} in (select ${emailOutbox.bookingId} from ${emailOutbox} where ${inArray(emailOutbox.template, INVITATION_TEMPLATES)})`;
}

async function applicantBase(ctx: Context, recipient: Recipient) {
  return {
    recipientName: recipient.name,
    booking: summary(ctx, recipient.locale),
    links: { view: await viewLink(ctx) },
  };
}

/** The status reason in the reader's language (a code in words, a written reason as written). */
function reasonFor(booking: Booking, locale: Locale): string {
  const t = translator(locale) as (key: string) => string;
  return describeStatusReason(booking.statusReason, (code) => t(`statusReason.${code}`)) ?? '';
}

/** The confirmation deadline; approval always sets it, the start is the latest it can be. */
function deadlineOf(booking: Booking): Date {
  return booking.confirmDeadline ?? booking.startAt;
}

/**
 * Approval and reminder mails: a `respond` token that expires with the confirmation deadline,
 * behind both buttons (the page shows both; the intent only pre-selects one).
 */
async function respondBase(ctx: Context, recipient: Recipient) {
  const { placeholder: token, row } = mailToken({ bookingId: ctx.booking.id, purpose: 'respond', expiresAt: deadlineOf(ctx.booking) });
  ctx.tokens.push(row);
  return {
    recipientName: recipient.name,
    booking: summary(ctx, recipient.locale),
    links: {
      view: await viewLink(ctx),
      confirm: mailLinks.respond(token, 'confirm'),
      decline: mailLinks.respond(token, 'decline'),
    },
  };
}

/** Each alternative with a one-click link: the staff form filled in, or the public page on that resource. */
async function describeAlternatives(
  tx: Db,
  alternatives: NonNullable<NotifyExtra['alternatives']>,
  locale: Locale,
  requesterKind: Booking['requesterKind'],
) {
  if (alternatives.length === 0) return [];
  const ids = [...new Set(alternatives.map((a) => a.resourceId))];
  const rows = await tx.select().from(resources).where(inArray(resources.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return alternatives
    .filter((a) => byId.has(a.resourceId))
    .map((a) => ({
      resourceName: localizedName(byId.get(a.resourceId)!, locale),
      startAt: new Date(a.startAt).toISOString(),
      endAt: new Date(a.endAt).toISOString(),
      url:
        requesterKind === 'customer'
          ? mailLinks.publicBooking(a.resourceId)
          : mailLinks.newBooking({
              resourceId: a.resourceId,
              startAt: new Date(a.startAt).toISOString(),
              endAt: new Date(a.endAt).toISOString(),
            }),
    }));
}

/** The change request a change mail reports: the booking's latest. */
async function latestChange(ctx: Context) {
  const change = await loadLatestChange(ctx.tx, ctx.booking.id);
  if (!change) throw new Error(`notify: booking ${ctx.booking.id} has no change request`);
  return change;
}

/** Who the applicant is, for mails to other people about the booking. */
function applicantName(booking: Booking): string {
  return booking.company ? `${booking.contactName}（${booking.company}）` : booking.contactName;
}

/**
 * Each asked department's contacts (users flagged as department contact), or the department's
 * own address when it has no contact person, with the message admin wrote to that department.
 */
async function notifyCoordination(ctx: Context, departmentIds: string[]): Promise<number> {
  if (departmentIds.length === 0) return 0;
  const { tx, booking } = ctx;
  const asked = await tx
    .select({ department: departments, message: coordinationRequests.message })
    .from(coordinationRequests)
    .innerJoin(departments, eq(departments.id, coordinationRequests.departmentId))
    .where(and(eq(coordinationRequests.bookingId, booking.id), inArray(coordinationRequests.departmentId, departmentIds)));
  const contacts = await tx
    .select()
    .from(users)
    .where(and(inArray(users.departmentId, departmentIds), eq(users.isDepartmentContact, true), eq(users.active, true)));

  let queued = 0;
  for (const { department, message } of asked) {
    const people: Recipient[] = contacts
      .filter((u) => u.departmentId === department.id)
      .map((u) => ({ email: u.email, name: u.name, locale: u.locale }));
    if (people.length === 0 && department.email) {
      people.push({ email: department.email, name: localizedName(department, ctx.settings.defaultLocale), locale: ctx.settings.defaultLocale });
    }
    for (const person of people) {
      const payload: MailPayload<'coordination-requested'> = {
        recipientName: person.name,
        booking: summary(ctx, person.locale),
        links: { view: mailLinks.coordination() },
        message,
        applicantName: applicantName(booking),
        company: booking.company,
        specialNeeds: booking.specialNeeds,
      };
      if (await queue(ctx, 'coordination_requested', person, payload, true)) queued++;
    }
  }
  return queued;
}

/** Every active admin: a reply to a booking mail said neither yes nor no. */
async function notifyAdmins(ctx: Context, extra: NotifyExtra): Promise<number> {
  const admins = await ctx.tx
    .select()
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  let queued = 0;
  for (const admin of admins) {
    const recipient: Recipient = { email: admin.email, name: admin.name, locale: admin.locale };
    const payload: MailPayload<'reply-unrecognized'> = {
      recipientName: admin.name,
      booking: summary(ctx, admin.locale),
      links: { view: mailLinks.review(ctx.booking.id) },
      from: extra.from ?? '',
      excerpt: extra.excerpt ?? '',
    };
    if (await queue(ctx, 'reply_unrecognized', recipient, payload, true)) queued++;
  }
  return queued;
}

/** The service mailbox (policy III.3): a customer booking was confirmed; tell the customer. */
async function notifyServiceDesk(ctx: Context): Promise<number> {
  const { booking, settings } = ctx;
  if (booking.requesterKind !== 'customer') return 0;
  const locale = settings.defaultLocale;
  const recipient: Recipient = {
    email: settings.serviceMailbox,
    name: emailTranslator(locale)('layout.serviceTeam'),
    locale,
  };
  const payload: MailPayload<'service-confirmed'> = {
    recipientName: recipient.name,
    booking: summary(ctx, locale),
    links: { view: mailLinks.serviceDesk(booking.id) },
    customer: {
      name: booking.contactName,
      company: booking.company,
      phone: booking.contactPhone,
      email: booking.contactEmail,
      specialNeeds: booking.specialNeeds,
    },
  };
  return (await queue(ctx, 'service_confirmed', recipient, payload, false)) ? 1 : 0;
}
