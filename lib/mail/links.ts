/**
 * The app's pages that e-mails link to, as absolute URLs (APP_URL). Kept in one place so a
 * moved page is changed once.
 */
import { absoluteUrl } from './config';

export const mailLinks = {
  /** The applicant's booking page in the staff portal. */
  booking: (bookingId: string) => absoluteUrl(`/bookings/${bookingId}`),
  /** Admin's request page in the review dashboard. */
  review: (bookingId: string) => absoluteUrl(`/admin/review/${bookingId}`),
  /** A department contact's coordination inbox. */
  coordination: () => absoluteUrl('/coordination'),
  /** Customer service's view of a customer booking. */
  serviceDesk: (bookingId: string) => absoluteUrl(`/desk/bookings/${bookingId}`),
  /** The new-booking form, optionally filled with a resource and slot (one-click alternatives). */
  newBooking: (slot?: { resourceId: string; startAt: string; endAt: string }) =>
    absoluteUrl(slot ? `/bookings/new?${new URLSearchParams(slot).toString()}` : '/bookings/new'),
  /** The public booking page with a resource chosen (customers have no account). */
  publicBooking: (resourceId: string) => absoluteUrl(`/book?${new URLSearchParams({ resource: resourceId }).toString()}`),
  /** The confirm/decline page of an approval e-mail (token purpose `respond`). */
  respond: (token: string, intent?: 'confirm' | 'decline') =>
    absoluteUrl(`/r/${token}${intent ? `?intent=${intent}` : ''}`),
  /** A customer's page for their booking (token purpose `manage`). */
  manage: (token: string) => absoluteUrl(`/m/${token}`),
  /** A customer's follow-up survey (one-use token of the survey row). */
  survey: (token: string) => absoluteUrl(`/s/${token}`),
  /** The page where a person sets their password (one-use token). */
  setPassword: (token: string) => absoluteUrl(`/password/${token}`),
};
