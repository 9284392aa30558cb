/**
 * Who may check a visit in and out: the applicant (the staff member, or the customer through
 * their link), customer service for a customer's booking, and admin for anyone's. A booking the
 * actor may not see is `not_found`; one they see but may not act on is `forbidden`.
 */
import type { Actor } from '@/lib/authz';
import { authorizeApplicant, type Authorize } from './transition';

export function authorizeVisit(actor: Actor): Authorize {
  // The customer's manage link is resolved to a customer actor for its booking before this runs.
  return authorizeApplicant(actor, { now: new Date(), purposes: ['manage'], allowAdmin: true });
}
