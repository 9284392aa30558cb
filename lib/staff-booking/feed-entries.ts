/**
 * A calendar feed's entries in one list, each with its resource: for those who look across
 * resources (the maintenance notice, tests). Apart from lib/staff-booking/calendar-feed.ts so that
 * the calendar in the browser takes this without that module's server code.
 */
import type { CalendarFeed, FeedEntry } from './calendar-feed';

export type ResourceFeedEntry = FeedEntry & { resourceId: string };

export function feedEntries(feed: CalendarFeed): ResourceFeedEntry[] {
  return feed.resources.flatMap(({ resourceId, entries }) => entries.map((entry) => ({ ...entry, resourceId })));
}
