/**
 * Every status of a booking's life (product.md "A booking's life"). A plain module, so that
 * forms in the browser can list the statuses without loading the database schema.
 */
export const BOOKING_STATUSES = [
  'pending',
  'needs_info',
  'awaiting_confirmation',
  'confirmed',
  'in_use',
  'completed',
  'rejected',
  'cancelled',
  'expired',
  'no_show',
] as const;
