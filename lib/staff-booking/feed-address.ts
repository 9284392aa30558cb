/**
 * The address of the calendar feed (GET /api/v1/calendar) for whole weeks. One builder for the
 * calendar page, which has the browser fetch its first week while the scripts load
 * (`<link rel="preload">`), and for the calendar component, whose first look-up must ask for
 * that very address to be handed the preloaded answer. Pure: used by the server and in the browser.
 */
import { addDays, mondayOf } from '@/lib/calendar/working-days';

/** Days 'YYYY-MM-DD', `to` exclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** Which resources a calendar shows: one, those of a type, or all of them. */
export type CalendarScope = { kind: 'resource'; id: string } | { kind: 'type'; id: string } | { kind: 'all' };

/** A scope as the feed's query names it (neither given: every resource). */
export interface FeedScope {
  resourceId?: string;
  typeId?: string;
}

export function feedScope(scope: CalendarScope): FeedScope {
  return { resourceId: scope.kind === 'resource' ? scope.id : undefined, typeId: scope.kind === 'type' ? scope.id : undefined };
}

/**
 * The whole weeks (Monday to Monday) that cover the days shown. The calendars always ask for
 * whole weeks, in every view: a phone's day view then asks for the address the page preloaded,
 * and moving from day to day within a week is answered from the browser's copy (revalidated
 * with its ETag: 304, no body).
 */
export function weeksAround(days: DayRange): DayRange {
  return { from: mondayOf(days.from), to: addDays(mondayOf(addDays(days.to, -1)), 7) };
}

export function calendarFeedAddress(scope: FeedScope, weeks: DayRange, options: { bookable: boolean; locale: string }): string {
  const query = new URLSearchParams({ from: weeks.from, to: weeks.to, bookable: String(options.bookable), locale: options.locale });
  if (scope.resourceId) query.set('resourceIds', scope.resourceId);
  if (scope.typeId) query.set('typeId', scope.typeId);
  return `/api/v1/calendar?${query}`;
}
