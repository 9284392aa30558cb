import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { regenerateFeedAction, resourceFeedUrlAction } from '@/app/actions/access';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { addDays, dayInZone } from '@/lib/calendar/working-days';
import { myFeedUrl } from '@/lib/feeds/feeds';
import { currentLocale } from '@/lib/i18n/server';
import { listResourcesByType } from '@/lib/resources/queries';
import { calendarFeedAddress, feedScope, weeksAround } from '@/lib/staff-booking/feed-address';
import { calendarResources, resourceOptions } from '@/lib/staff-booking/resource-options';
import { CalendarView, type CalendarFilter } from './calendar-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}

type Props = { searchParams: Promise<{ resourceId?: string | string[]; typeId?: string | string[]; date?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every resource's bookings, visible to all staff (product rule 12); staff and admin can subscribe to one resource's feed.
 * Opens on today (in the organisation's zone) or on `?date=YYYY-MM-DD`. The page does not carry
 * that week's entries: its head has the browser fetch them from the calendar's route while the
 * scripts load, and the calendar's first look-up is handed that answer. (Sent inside the page,
 * a week of every resource made the HTML a megabyte that the browser parsed as script.)
 */
export default async function CalendarPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const db = await getDb();
  const subscribes = actor.role === 'staff' || actor.role === 'admin';
  const [groups, locale, timeZone, t, query] = await Promise.all([
    listResourcesByType(db),
    currentLocale(),
    getTimeZone(),
    getTranslations('calendar'),
    searchParams,
  ]);
  const options = calendarResources(resourceOptions(groups, locale));
  const resourceId = first(query.resourceId);
  const typeId = first(query.typeId);
  const filter: CalendarFilter = options.some((g) => g.resources.some((r) => r.id === resourceId))
    ? { kind: 'resource', id: resourceId! }
    : options.some((g) => g.typeId === typeId)
      ? { kind: 'type', id: typeId! }
      : { kind: 'all' };
  const asked = first(query.date);
  const day = asked && DAY.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : dayInZone(new Date(), timeZone);
  const firstWeek = calendarFeedAddress(feedScope(filter), weeksAround({ from: day, to: addDays(day, 1) }), { bookable: false, locale });
  // Only the chosen resource's feed: the page must not grow with the number of resources (the
  // view asks for another resource's URL when the filter changes to it).
  const feed =
    subscribes && filter.kind === 'resource' ? { resourceId: filter.id, url: await myFeedUrl(db, actor, 'resource', filter.id) } : undefined;

  return (
    <>
      {/* Hoisted into the head by React; `anonymous` is what fetch() uses on the same origin, so the calendar's request matches it. */}
      <link rel="preload" href={firstWeek} as="fetch" crossOrigin="anonymous" />
      <PageHeader title={t('title')} description={t('intro')} />
      <CalendarView
        groups={options}
        initialFilter={filter}
        initialDate={day}
        timeZone={timeZone}
        initialFeed={feed}
        feedUrlOf={subscribes ? resourceFeedUrlAction : undefined}
        regenerateFeed={subscribes ? regenerateFeedAction : undefined}
      />
    </>
  );
}
