/**
 * Every e-mail template by the name stored in `email_outbox.template`, with its props type and
 * the `email` namespace key that holds its subject and texts.
 */
import type { ComponentType } from 'react';
import Approved, { type ApprovedProps } from './approved';
import Cancelled, { type CancelledProps } from './cancelled';
import ChangeApproved, { type ChangeApprovedProps } from './change-approved';
import ChangeRejected, { type ChangeRejectedProps } from './change-rejected';
import ChangeRequested, { type ChangeRequestedProps } from './change-requested';
import CheckedOut, { type CheckedOutProps } from './checked-out';
import ConfirmationReminder, { type ConfirmationReminderProps } from './confirmation-reminder';
import Confirmed, { type ConfirmedProps } from './confirmed';
import CoordinationRequested, { type CoordinationRequestedProps } from './coordination-requested';
import DailyDigest, { type DailyDigestProps } from './daily-digest';
import Declined, { type DeclinedProps } from './declined';
import Displaced, { type DisplacedProps } from './displaced';
import Expired, { type ExpiredProps } from './expired';
import FollowUpSurvey, { type FollowUpSurveyProps } from './follow-up-survey';
import IncidentAffected, { type IncidentAffectedProps } from './incident-affected';
import MaintenanceScheduled, { type MaintenanceScheduledProps } from './maintenance-scheduled';
import PasswordLink, { type PasswordLinkProps } from './password-link';
import InfoRequested, { type InfoRequestedProps } from './info-requested';
import Moved, { type MovedProps } from './moved';
import NoShowReleased, { type NoShowReleasedProps } from './no-show-released';
import Rectification, { type RectificationProps } from './rectification';
import Rejected, { type RejectedProps } from './rejected';
import ReplyNotUnderstood, { type ReplyNotUnderstoodProps } from './reply-not-understood';
import ReplyUnrecognized, { type ReplyUnrecognizedProps } from './reply-unrecognized';
import RequestReceived, { type RequestReceivedProps } from './request-received';
import SeriesNoShows, { type SeriesNoShowsProps } from './series-no-shows';
import SeriesReceived, { type SeriesReceivedProps } from './series-received';
import ServiceConfirmed, { type ServiceConfirmedProps } from './service-confirmed';
import VisitReminder, { type VisitReminderProps } from './visit-reminder';
import WaitlistSlotFree, { type WaitlistSlotFreeProps } from './waitlist-slot-free';

export interface TemplateProps {
  'request-received': RequestReceivedProps;
  'info-requested': InfoRequestedProps;
  approved: ApprovedProps;
  'confirmation-reminder': ConfirmationReminderProps;
  confirmed: ConfirmedProps;
  declined: DeclinedProps;
  rejected: RejectedProps;
  expired: ExpiredProps;
  cancelled: CancelledProps;
  'coordination-requested': CoordinationRequestedProps;
  'reply-unrecognized': ReplyUnrecognizedProps;
  'reply-not-understood': ReplyNotUnderstoodProps;
  'visit-reminder': VisitReminderProps;
  'service-confirmed': ServiceConfirmedProps;
  displaced: DisplacedProps;
  'change-requested': ChangeRequestedProps;
  'change-approved': ChangeApprovedProps;
  'change-rejected': ChangeRejectedProps;
  moved: MovedProps;
  // The visit: released as a no-show, checked out.
  'no-show-released': NoShowReleasedProps;
  'checked-out': CheckedOutProps;
  'incident-affected': IncidentAffectedProps;
  'maintenance-scheduled': MaintenanceScheduledProps;
  // Accounts: not about a booking.
  'password-link': PasswordLinkProps;
  'waitlist-slot-free': WaitlistSlotFreeProps;
  'series-no-shows': SeriesNoShowsProps;
  // After the visit.
  'follow-up-survey': FollowUpSurveyProps;
  'series-received': SeriesReceivedProps;
  // Admin's morning digest: about a day, not one booking.
  'daily-digest': DailyDigestProps;
  // Rectification items (整改): to the owner department, not about a booking.
  rectification: RectificationProps;
}

export type TemplateName = keyof TemplateProps;

export const templates: { [K in TemplateName]: { component: ComponentType<TemplateProps[K]>; messageKey: string } } = {
  'request-received': { component: RequestReceived, messageKey: 'requestReceived' },
  'info-requested': { component: InfoRequested, messageKey: 'infoRequested' },
  approved: { component: Approved, messageKey: 'approved' },
  'confirmation-reminder': { component: ConfirmationReminder, messageKey: 'confirmationReminder' },
  confirmed: { component: Confirmed, messageKey: 'confirmed' },
  declined: { component: Declined, messageKey: 'declined' },
  rejected: { component: Rejected, messageKey: 'rejected' },
  expired: { component: Expired, messageKey: 'expired' },
  cancelled: { component: Cancelled, messageKey: 'cancelled' },
  'coordination-requested': { component: CoordinationRequested, messageKey: 'coordinationRequested' },
  'reply-unrecognized': { component: ReplyUnrecognized, messageKey: 'replyUnrecognized' },
  'reply-not-understood': { component: ReplyNotUnderstood, messageKey: 'replyNotUnderstood' },
  'visit-reminder': { component: VisitReminder, messageKey: 'visitReminder' },
  'service-confirmed': { component: ServiceConfirmed, messageKey: 'serviceConfirmed' },
  displaced: { component: Displaced, messageKey: 'displaced' },
  'change-requested': { component: ChangeRequested, messageKey: 'changeRequested' },
  'change-approved': { component: ChangeApproved, messageKey: 'changeApproved' },
  'change-rejected': { component: ChangeRejected, messageKey: 'changeRejected' },
  moved: { component: Moved, messageKey: 'moved' },
  'no-show-released': { component: NoShowReleased, messageKey: 'noShowReleased' },
  'checked-out': { component: CheckedOut, messageKey: 'checkedOut' },
  'incident-affected': { component: IncidentAffected, messageKey: 'incidentAffected' },
  'maintenance-scheduled': { component: MaintenanceScheduled, messageKey: 'maintenanceScheduled' },
  'password-link': { component: PasswordLink, messageKey: 'passwordLink' },
  'waitlist-slot-free': { component: WaitlistSlotFree, messageKey: 'waitlistSlotFree' },
  'series-no-shows': { component: SeriesNoShows, messageKey: 'seriesNoShows' },
  'follow-up-survey': { component: FollowUpSurvey, messageKey: 'followUpSurvey' },
  'series-received': { component: SeriesReceived, messageKey: 'seriesReceived' },
  'daily-digest': { component: DailyDigest, messageKey: 'dailyDigest' },
  rectification: { component: Rectification, messageKey: 'rectification' },
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}
