/**
 * The calendar part of booking mails. Approval, confirmation, an approved change and admin's
 * move carry METHOD:REQUEST, so calendar clients offer to add (or update) the event; a mail
 * about a booking that ended without taking place (cancelled, declined, expired, rejected,
 * displaced, released as a no-show) carries METHOD:CANCEL with STATUS:CANCELLED, so the client
 * removes the event it added. The UID is fixed per booking and SEQUENCE is the booking's version,
 * which every status change raises — so each mail supersedes the one before it instead of adding
 * a second event. Times are written in UTC: every client converts them to its own zone.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import addressparser from 'nodemailer/lib/addressparser';
import type { TemplateName } from '@/emails';
import { mailDomain, mailFrom } from './config';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

/**
 * The one place that decides which mails carry a calendar part, and with which method.
 * A REQUEST mail always carries one. A CANCEL mail carries one only when its payload has
 * `calendar` (lib/mail/notify.ts sets it when an invitation was queued earlier for the booking:
 * a request rejected or cancelled while pending never put anything in a calendar).
 */
export const CALENDAR_METHOD: Partial<Record<TemplateName, CalendarMethod>> = {
  approved: 'REQUEST',
  confirmed: 'REQUEST',
  'change-approved': 'REQUEST',
  moved: 'REQUEST',
  cancelled: 'CANCEL',
  declined: 'CANCEL',
  expired: 'CANCEL',
  rejected: 'CANCEL',
  displaced: 'CANCEL',
  'no-show-released': 'CANCEL',
};

/** The templates whose mail put the booking in the recipient's calendar. */
export const INVITATION_TEMPLATES = (Object.keys(CALENDAR_METHOD) as TemplateName[]).filter((name) => CALENDAR_METHOD[name] === 'REQUEST');

export interface InvitationInput {
  method: CalendarMethod;
  bookingId: string;
  sequence: number;
  reference: string;
  resourceName: string;
  location: string;
  startAt: string;
  endAt: string;
  /** The resource's notes for users (注意事项) and anything else worth carrying along. */
  description: string;
  attendee: { name: string; email: string };
  /** The sender's display name in the mail's language, unless MAIL_FROM names one. */
  organizerName?: string;
  confirmed: boolean;
}

export function bookingInvitation(input: InvitationInput): string {
  const [organizer] = addressparser(mailFrom(), { flatten: true });
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'resource-booking', product: 'booking', language: 'ZH' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${input.bookingId}@${mailDomain()}`,
    sequence: input.sequence,
    start: new Date(input.startAt),
    end: new Date(input.endAt),
    summary: `${input.resourceName} · ${input.reference}`,
    location: input.location,
    description: input.description,
    status: cancel ? ICalEventStatus.CANCELLED : input.confirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    organizer: { name: organizer?.name || input.organizerName || organizer?.address || 'booking', email: organizer?.address || `booking@${mailDomain()}` },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: false }],
  });
  return calendar.toString();
}
