'use client';

/** The resource filter and the calendar of the chosen resources. */
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState, type ComponentProps } from 'react';
import { FeedUrl } from '@/components/access/feed-url';
import { ResourceCalendar, type CalendarRange } from '@/components/booking/resource-calendar';
import { fieldClasses } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { CalendarScope } from '@/lib/staff-booking/feed-address';
import { visibleHours, type CalendarResourceGroup } from '@/lib/staff-booking/resource-options';
import type { ActionResult } from '@/lib/forms/action-result';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';
import { cn } from '@/lib/utils';

export type CalendarFilter = CalendarScope;

/** A resource's subscribable feed. */
export interface ResourceFeed {
  resourceId: string;
  url: string;
}

const encode = (filter: CalendarFilter) => (filter.kind === 'all' ? '' : `${filter.kind}:${filter.id}`);
function decode(value: string): CalendarFilter {
  const [kind, id] = value.split(':');
  return (kind === 'type' || kind === 'resource') && id ? { kind, id } : { kind: 'all' };
}

export function CalendarView({
  groups,
  initialFilter,
  initialDate,
  timeZone,
  initialFeed,
  feedUrlOf,
  regenerateFeed,
}: {
  groups: CalendarResourceGroup[];
  initialFilter: CalendarFilter;
  /** The day to open on ('YYYY-MM-DD'). */
  initialDate: string;
  timeZone: string;
  /** Staff and admin: the feed of the resource the page opens on, shown under its calendar. */
  initialFeed?: ResourceFeed;
  /** Staff and admin: the feed URL of another resource chosen in the filter. */
  feedUrlOf?: (input: { resourceId: string }) => Promise<ActionResult<{ url: string }>>;
  regenerateFeed?: ComponentProps<typeof FeedUrl>['regenerate'];
}) {
  const access = useTranslations('access.feeds');
  const t = useTranslations('calendar');
  const router = useRouter();
  const selectId = useId();
  const [filter, setFilter] = useState<CalendarFilter>(initialFilter);
  const all = useMemo(() => groups.flatMap((g) => g.resources), [groups]);
  const shown =
    filter.kind === 'resource'
      ? all.filter((r) => r.id === filter.id)
      : filter.kind === 'type'
        ? (groups.find((g) => g.typeId === filter.id)?.resources ?? [])
        : all;
  const single = filter.kind === 'resource' ? shown[0] : undefined;
  const codes = useMemo(() => Object.fromEntries(all.map((r) => [r.id, r.code])), [all]);
  const hours = visibleHours(shown);
  const [feed, setFeed] = useState(initialFeed);

  const singleId = single?.id;
  useEffect(() => {
    if (!singleId || !feedUrlOf || feed?.resourceId === singleId) return;
    let current = true;
    void feedUrlOf({ resourceId: singleId }).then((result) => {
      if (current && result.ok) setFeed({ resourceId: singleId, url: result.data.url });
    });
    return () => {
      current = false;
    };
  }, [singleId, feedUrlOf, feed?.resourceId]);

  const choose = (value: string) => {
    const next = decode(value);
    setFilter(next);
    // Keep the choice in the address (shareable, survives a reload) without a new history entry.
    const url = new URL(window.location.href);
    url.searchParams.delete('resourceId');
    url.searchParams.delete('typeId');
    if (next.kind === 'resource') url.searchParams.set('resourceId', next.id);
    if (next.kind === 'type') url.searchParams.set('typeId', next.id);
    window.history.replaceState(null, '', url);
  };

  // Choosing free time of one resource starts a request for it.
  const book = (range: CalendarRange) => {
    const start = splitWallClock(range.start);
    const end = splitWallClock(range.end);
    const startAt = start && instantOf(start.day, start.clock, timeZone);
    const endAt = end && instantOf(end.day, end.clock, timeZone);
    if (!single || !startAt || !endAt) return;
    const query = new URLSearchParams({ resourceId: single.id, startAt: startAt.toISOString(), endAt: endAt.toISOString() });
    router.push(`/bookings/new?${query.toString()}`);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5 sm:max-w-md">
        <Label htmlFor={selectId}>{t('filter')}</Label>
        <select id={selectId} value={encode(filter)} onChange={(e) => choose(e.target.value)} className={cn(fieldClasses, 'h-10 py-2')}>
          <option value="">{t('allResources')}</option>
          {groups.map((group) => (
            <optgroup key={group.typeId} label={group.typeName}>
              <option value={`type:${group.typeId}`}>{t('allOfType', { type: group.typeName })}</option>
              {group.resources.map((r) => (
                <option key={r.id} value={`resource:${r.id}`}>
                  {t('resourceOption', { name: r.name, code: r.code })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p className="text-sm text-slate-600">{single ? t('selectHint') : t('chooseOneHint')}</p>
      </div>
      <ResourceCalendar
        scope={filter}
        resourceCodes={single ? undefined : codes}
        timeZone={timeZone}
        initialDate={initialDate}
        minTime={hours.minTime}
        maxTime={hours.maxTime}
        onSelectRange={single?.state === 'in_service' ? book : undefined}
      />
      {single && feed?.resourceId === single.id && regenerateFeed && (
        <FeedUrl
          key={single.id}
          title={access('resourceTitle')}
          help={access('resourceHelp')}
          url={feed.url}
          resourceId={single.id}
          regenerate={regenerateFeed}
        />
      )}
    </div>
  );
}
