/**
 * Typed domain errors. Domain functions throw them; the edges (server actions, route handlers,
 * e-mail link pages) map `code` to an HTTP status and to a localized message
 * (messages/<locale>/errors.json, key = code).
 */
export const ERROR_HTTP_STATUS = {
  /** Not signed in (or no valid link token). */
  unauthenticated: 401,
  /** Signed in, but this role may not do this. */
  forbidden: 403,
  /** Does not exist, or belongs to someone else (never reveal which). */
  not_found: 404,
  /** Input failed validation; `fields` has per-field message keys. */
  invalid_input: 422,
  /** A value that must be unique is taken (a resource code, an e-mail address); `fields` says which. */
  already_exists: 409,
  /** The slot overlaps a holding booking, a buffer or a blackout; `alternatives` are offered. */
  slot_taken: 409,
  /** The booking's current status does not allow this transition. */
  invalid_transition: 409,
  /** Start is sooner than the staff lead time (working days) or the customer notice. */
  lead_time: 422,
  /** Outside opening hours, on a non-working day, too long, or beyond the booking horizon. */
  outside_hours: 422,
  too_long: 422,
  beyond_horizon: 422,
  /** More attendees than the resource holds. */
  over_capacity: 422,
  /** The resource is under maintenance or retired. */
  resource_unavailable: 409,
  /** The link token is expired, used, or for another booking. */
  token_invalid: 410,
  /** Too many requests from one address or IP. */
  rate_limited: 429,
  /** Too many open requests for one e-mail address. */
  too_many_open: 429,
  /** The confirmation deadline has passed. */
  deadline_passed: 409,
  /** A change request came later than the notice period; only admin can move it now. */
  change_too_late: 422,
  /** The booking already has a change request waiting for admin's decision. */
  change_pending: 409,
  /** The booking has no change request waiting for a decision. */
  no_pending_change: 409,
  /** Check-in opens `check_in_opens_minutes` before the start; `params.opensAt` says when. */
  check_in_not_open: 409,
  /** The check-in window closed (the no-show deadline, or the end); `params.deadline`. */
  check_in_closed: 409,
  /** Check-out, before anyone checked in. */
  not_checked_in: 409,
  /** The booking's use has already been inspected. */
  already_inspected: 409,
  /** A damage report on a booking outside its report window (from shortly before the start until just after the end). */
  report_window_closed: 409,
  /** A rectification item's status does not allow this step (lib/rectifications/state.ts), or it moved meanwhile. */
  rectification_transition: 409,
  /** A suggestion already has admin's answer. */
  already_answered: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface Alternative {
  resourceId: string;
  startAt: string;
  endAt: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: {
      fields?: Record<string, string[]>;
      alternatives?: Alternative[];
      /** Values for the localized message, e.g. { earliest: '2026-12-01' }; field messages get them too. */
      params?: Record<string, string | number>;
      /** Values for one field's message only, by field (e.g. the bounds of each setting). */
      fieldParams?: Record<string, Record<string, string | number>>;
    } = {},
  ) {
    super(message ?? code);
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
