import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { regenerateFeedAction } from '@/app/actions/access';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listMyFeeds } from '@/lib/feeds/feeds';
import { currentLocale } from '@/lib/i18n/server';
import { listResourcesByType } from '@/lib/resources/queries';
import { calendarResources, resourceOptions } from '@/lib/staff-booking/resource-options';
import { CalendarView, type CalendarFilter } from './calendar-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}

type Props = { searchParams: Promise<{ resourceId?: string | string[]; typeId?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Every resource's bookings, visible to all staff (product rule 12); staff and admin can subscribe to one resource's feed. */
export default async function CalendarPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const db = await getDb();
  const subscribes = actor.role === 'staff' || actor.role === 'admin';
  const [groups, locale, timeZone, t, query, feeds] = await Promise.all([
    listResourcesByType(db),
    currentLocale(),
    getTimeZone(),
    getTranslations('calendar'),
    searchParams,
    subscribes ? listMyFeeds(db, actor) : null,
  ]);
  const options = calendarResources(resourceOptions(groups, locale));
  const resourceId = first(query.resourceId);
  const typeId = first(query.typeId);
  const filter: CalendarFilter = options.some((g) => g.resources.some((r) => r.id === resourceId))
    ? { kind: 'resource', id: resourceId! }
    : options.some((g) => g.typeId === typeId)
      ? { kind: 'type', id: typeId! }
      : { kind: 'all' };

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <CalendarView
        groups={options}
        initialFilter={filter}
        timeZone={timeZone}
        feedUrls={feeds ? Object.fromEntries(feeds.resources.map((f) => [f.resourceId, f.url])) : undefined}
        regenerateFeed={feeds ? regenerateFeedAction : undefined}
      />
    </>
  );
}
