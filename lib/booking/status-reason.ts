/**
 * Why a booking ended as it did (`bookings.status_reason`): what a person wrote (a rejection or
 * cancellation reason, the applicant's reason for declining) or, where nobody wrote one, a code
 * the system set. Codes are stored as such and shown in the reader's language
 * (messages/<locale>/statusReason.json), never as stored.
 */
export const SYSTEM_STATUS_REASONS = ['declined', 'expired', 'displaced'] as const;
export type SystemStatusReason = (typeof SYSTEM_STATUS_REASONS)[number];

export function isSystemStatusReason(reason: string): reason is SystemStatusReason {
  return (SYSTEM_STATUS_REASONS as readonly string[]).includes(reason);
}

/** The reason as the reader sees it: a code in their language, a written reason as written; null when there is none. */
export function describeStatusReason(reason: string | null | undefined, t: (code: SystemStatusReason) => string): string | null {
  if (!reason?.trim()) return null;
  return isSystemStatusReason(reason) ? t(reason) : reason;
}
