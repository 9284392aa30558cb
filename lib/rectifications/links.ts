/** Addresses of the rectification pages; no server imports, so client components can use them. */
import type { RectificationSource } from './schemas';

/** The "new item" form, prefilled from `source` (a damage report, a suggestion, a survey answer, a booking). */
export function newRectificationHref(source?: RectificationSource): string {
  return source ? `/rectifications/new?${new URLSearchParams({ sourceKind: source.kind, sourceId: source.id })}` : '/rectifications/new';
}

/**
 * Where each kind of source is shown, for the item's "open the source" link. A survey answer is
 * shown on its booking's desk page, so it needs that booking (null when the survey is gone).
 */
export function sourceHref(source: RectificationSource, surveyBookingId?: string | null): string | null {
  switch (source.kind) {
    case 'incident':
      return '/admin/incidents';
    case 'suggestion':
      return '/admin/feedback';
    case 'booking':
      return `/admin/review/${source.id}`;
    case 'survey':
      return surveyBookingId ? `/desk/bookings/${surveyBookingId}` : null;
  }
}
