/**
 * The calendar invitation attached to the approval and confirmation mails. METHOD:REQUEST with
 * the booking system as organizer and the recipient as attendee, so calendar clients offer to
 * add it; the UID is fixed per booking and SEQUENCE is the booking's version, so the
 * confirmation updates the event the approval created instead of adding a second one.
 * Times are written in UTC: every client converts them to its own zone.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import addressparser from 'nodemailer/lib/addressparser';
import { mailDomain, mailFrom } from './config';

export interface InvitationInput {
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
  const calendar = ical({ prodId: { company: 'resource-booking', product: 'booking', language: 'ZH' }, method: ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: `${input.bookingId}@${mailDomain()}`,
    sequence: input.sequence,
    start: new Date(input.startAt),
    end: new Date(input.endAt),
    summary: `${input.resourceName} · ${input.reference}`,
    location: input.location,
    description: input.description,
    status: input.confirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    organizer: { name: organizer?.name || input.organizerName || organizer?.address || 'booking', email: organizer?.address || `booking@${mailDomain()}` },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, rsvp: false }],
  });
  return calendar.toString();
}
