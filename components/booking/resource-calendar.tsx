'use client';

/**
 * The booking calendar (FullCalendar 6 time grid, day and list views) of one or several
 * resources: bookings, blackouts, buffers, and for one resource the time in which it can be
 * booked. Selecting a free range hands it to `onSelectRange`.
 *
 * Time zone: FullCalendar without a time-zone plugin can only show the browser's zone or UTC.
 * The grid must show the organisation's wall-clock time (Asia/Shanghai by default) whatever
 * the browser's zone, so it runs with `timeZone: 'UTC'` and is fed wall-clock times in the
 * organisation's zone written as if they were UTC ("09:00 in Shanghai" → "09:00Z"). Nothing is
 * shifted by offsets here (which would break across DST in other zones); the server converts
 * instants to wall clocks (lib/staff-booking/calendar-feed.ts) and a selection comes back as
 * wall-clock strings that the form turns into instants in the organisation's zone.
 *
 * The data comes from GET /api/v1/calendar, always for whole weeks (lib/staff-booking/feed-address.ts);
 * a page may have the browser fetch the first of them while the scripts load (a preload), so that
 * the answer is there when the calendar asks for it.
 */
import type { DateSelectArg, EventApi, EventInput, EventMountArg, EventSourceFuncArg } from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Alert } from '@/components/ui/alert';
import type { CalendarFeed } from '@/lib/staff-booking/calendar-feed';
import { calendarFeedAddress, feedScope, weeksAround, type CalendarScope } from '@/lib/staff-booking/feed-address';
import { feedEntries, type ResourceFeedEntry } from '@/lib/staff-booking/feed-entries';
import { clockOf, toWallClock, type WallClock } from '@/lib/staff-booking/wall-clock';
import { cn } from '@/lib/utils';
import { asUtc, OPEN_GROUP, toEvents } from './calendar-events';

export interface CalendarRange {
  start: WallClock;
  end: WallClock;
}

export interface ResourceCalendarProps {
  scope: CalendarScope;
  /** Put before each title when several resources share the grid (id → code). */
  resourceCodes?: Record<string, string>;
  /** The organisation's time zone. */
  timeZone: string;
  /** The hours shown, 'HH:mm'. */
  minTime?: string;
  maxTime?: string;
  /** 'YYYY-MM-DD' to open on; default today. */
  initialDate?: string;
  /** true: shade everything but the time a staff request may take (opening hours, lead time). */
  bookable?: boolean;
  /** The range chosen in the form, drawn on the grid. */
  selection?: CalendarRange | null;
  /** Given: free time inside the opening hours can be selected. */
  onSelectRange?: (range: CalendarRange) => void;
  className?: string;
}

const SELECTION_ID = 'selection';
const WIDE_SCREEN = '(min-width: 768px)';

/** FullCalendar's pretend-UTC string ('2026-06-10T09:00:00Z') back to a wall clock. */
const fromUtc = (iso: string): WallClock => iso.slice(0, 16);

const noSubscription = () => () => {};

/*
 * FullCalendar's React wrapper hands every prop to the calendar again on each render, and an
 * option that is a new object or function (by identity) makes it rebuild and redraw the whole
 * view — a week of 200 resources twice over. Hence options that do not change are defined once
 * here, and the others are memoised.
 */
const PLUGINS = [timeGridPlugin, listPlugin, interactionPlugin];
const HEADER_TOOLBAR = { left: 'prev,next today', center: 'title', right: 'timeGridWeek,timeGridDay,listWeek' };
type Clock = { hour: number; minute: number };
const clock = (time: Clock) => clockOf(time.hour * 60 + time.minute);
/**
 * Times on the grid as 'HH:mm' (24-hour) in every language. A function rather than Intl options:
 * FullCalendar formats a range with options by building a new Intl.DateTimeFormat for every event
 * it draws, which took 50-90 ms of a 200-resource week on two cores.
 */
const timeText = ({ start, end, defaultSeparator }: { start: Clock; end?: Clock | null; defaultSeparator: string }) => {
  const from = clock(start);
  const to = end && clock(end);
  return to && to !== from ? `${from}${defaultSeparator}${to}` : from;
};
// Free time only: the opening windows may be covered, nothing else.
const selectOverlap = (event: EventApi) => event.groupId === OPEN_GROUP || event.id === SELECTION_ID;
const titleOnHover = ({ el, event }: EventMountArg) => {
  if (event.title) el.setAttribute('title', event.title);
};

/** The calendar answer for some weeks: from the route. */
async function fetchFeed(address: string, failed: string): Promise<CalendarFeed> {
  const response = await fetch(address);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? failed);
  return body as CalendarFeed;
}

export function ResourceCalendar({
  scope,
  resourceCodes,
  timeZone,
  minTime = '07:00',
  maxTime = '21:00',
  initialDate,
  bookable = false,
  selection,
  onSelectRange,
  className,
}: ResourceCalendarProps) {
  const t = useTranslations('calendar');
  const tStatus = useTranslations('status');
  const locale = useLocale();
  const calendarRef = useRef<FullCalendar>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [maintenance, setMaintenance] = useState<ResourceFeedEntry[]>([]);
  // FullCalendar measures the page: it renders in the browser only (the server sends the frame).
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);

  // The scope by value: the page's new but equal object must not make the calendar ask again.
  const { resourceId, typeId } = feedScope(scope);
  const fetchEvents = useCallback(
    async (info: EventSourceFuncArg): Promise<EventInput[]> => {
      const weeks = weeksAround({ from: info.startStr.slice(0, 10), to: info.endStr.slice(0, 10) });
      try {
        const feed = await fetchFeed(calendarFeedAddress({ resourceId, typeId }, weeks, { bookable, locale }), t('loadFailed'));
        setFailure(null);
        setMaintenance(feedEntries(feed).filter((e) => e.blackoutKind === 'maintenance'));
        return toEvents(feed, { weeks, bookable, codes: resourceCodes, t, tStatus });
      } catch (error) {
        setFailure(error instanceof Error && error.message ? error.message : t('loadFailed'));
        return [];
      }
    },
    // The translators and codes only change with the page; refetch when the resources change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resourceId, typeId, bookable],
  );

  // The form's choice is drawn as an event of its own, kept across refetches.
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api) return;
    api.getEventById(SELECTION_ID)?.remove();
    if (!selection) return;
    api.addEvent({
      id: SELECTION_ID,
      start: asUtc(selection.start),
      end: asUtc(selection.end),
      title: t('yourSelection'),
      classNames: ['fc-event-selection'],
      backgroundColor: '#15803d',
      borderColor: '#14532d',
      textColor: '#ffffff',
    });
    api.gotoDate(selection.start.slice(0, 10));
  }, [selection?.start, selection?.end, mounted, t]); // eslint-disable-line react-hooks/exhaustive-deps

  // The page's handler changes with each of its renders; the calendar keeps one that calls the latest.
  const selectRangeRef = useRef(onSelectRange);
  useEffect(() => {
    selectRangeRef.current = onSelectRange;
  }, [onSelectRange]);
  const onSelect = useCallback((info: DateSelectArg) => {
    info.view.calendar.unselect();
    selectRangeRef.current?.({ start: fromUtc(info.startStr), end: fromUtc(info.endStr) });
  }, []);
  const buttonText = useMemo(() => ({ prev: t('previous'), next: t('next') }), [t]);
  const now = useCallback(() => asUtc(toWallClock(new Date(), timeZone)), [timeZone]);

  return (
    <div
      className={cn(
        'booking-calendar relative rounded-lg border border-slate-200 bg-white p-2 text-sm sm:p-3',
        // Toolbar: wrap on phones instead of overflowing; calmer headings than the defaults.
        // FullCalendar injects its own styles after ours, hence the `!`.
        '[&_.fc-toolbar]:flex-wrap! [&_.fc-toolbar]:gap-2 [&_.fc-toolbar-title]:text-lg! sm:[&_.fc-toolbar-title]:text-xl!',
        // Today is tinted blue, apart from the amber set-up/clean-up time (FullCalendar's default is yellow).
        '[--fc-today-bg-color:var(--color-blue-50)]',
        '[&_.fc-button]:min-h-9 [&_.fc-timegrid-event.fc-event-tentative]:border-dashed! [&_.fc-timegrid-event.fc-event-tentative]:border-2! [&_.fc-event-selection]:shadow-md',
        // A change request's hold: striped and dashed, so it reads as taken but not (yet) a booking.
        '[&_.fc-event-change-hold]:border-dashed! [&_.fc-event-change-hold]:border-2! [&_.fc-event-change-hold]:bg-[repeating-linear-gradient(135deg,#ede9fe_0_6px,#ddd6fe_6px_12px)]!',
        '[&_.fc-bg-event]:opacity-70! [&_.fc-bg-event_.fc-event-title]:text-xs [&_.fc-bg-event_.fc-event-title]:text-slate-900! [&_.fc-bg-event_.fc-event-title]:not-italic!',
        className,
      )}
      aria-busy={loading}
    >
      {failure && (
        <Alert variant="error" className="mb-2">
          {failure}
        </Alert>
      )}
      <MaintenanceNotice periods={maintenance} codes={resourceCodes} timeZone={timeZone} />
      {mounted ? (
        <FullCalendar
          ref={calendarRef}
          plugins={PLUGINS}
          initialView={window.matchMedia(WIDE_SCREEN).matches ? 'timeGridWeek' : 'timeGridDay'}
          initialDate={initialDate}
          headerToolbar={HEADER_TOOLBAR}
          // Words instead of FullCalendar's arrow glyphs, which screen readers get as unnamed images.
          buttonIcons={false}
          buttonText={buttonText}
          // Overlapping bookings side by side rather than on top of each other, at most three
          // abreast (then "+N"), so each stays readable in the week view.
          slotEventOverlap={false}
          eventMaxStack={3}
          locale={locale === 'zh' ? zhCnLocale : 'en'}
          firstDay={1}
          timeZone="UTC"
          now={now}
          nowIndicator
          allDaySlot={false}
          slotMinTime={minTime}
          slotMaxTime={maxTime}
          slotDuration="00:30"
          snapDuration="00:15"
          slotLabelFormat={timeText}
          eventTimeFormat={timeText}
          height="auto"
          events={fetchEvents}
          loading={setLoading}
          selectable={Boolean(onSelectRange)}
          selectMirror
          longPressDelay={300}
          selectConstraint={onSelectRange ? OPEN_GROUP : undefined}
          selectOverlap={selectOverlap}
          select={onSelect}
          eventDidMount={titleOnHover}
          noEventsText={t('noEvents')}
        />
      ) : (
        <div className="h-96" />
      )}
      <Legend bookable={bookable} opening={scope.kind === 'resource'} />
    </div>
  );
}

/** Resources under maintenance in the period shown, said in words (the shading alone is easy to miss). */
function MaintenanceNotice({ periods, codes, timeZone }: { periods: ResourceFeedEntry[]; codes?: Record<string, string>; timeZone: string }) {
  const t = useTranslations('calendar');
  // Periods already over are history (the shading still shows them).
  const now = toWallClock(new Date(), timeZone);
  const current = periods.filter((p) => p.end > now);
  if (current.length === 0) return null;
  const wall = (w: WallClock) => w.replace('T', ' ');
  return (
    <Alert variant="warning" className="mb-2" data-testid="maintenance-notice">
      <ul className="flex flex-col gap-1">
        {current.map((p) => (
          <li key={p.id}>
            {t(p.untilFurtherNotice ? 'maintenanceOpen' : 'maintenanceUntil', {
              resource: codes?.[p.resourceId] ?? t('thisResource'),
              start: wall(p.start),
              end: wall(p.end),
            })}
            {p.title ? ` — ${p.title}` : ''}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** What the colours mean; the closed time is only shaded for a single resource. */
function Legend({ bookable, opening }: { bookable: boolean; opening: boolean }) {
  const t = useTranslations('calendar');
  const items: [string, string][] = [
    ['bg-blue-700', t('legend.mine')],
    ['bg-slate-200 border border-dashed border-slate-500', t('legend.taken')],
    ['bg-violet-200 border border-dashed border-violet-700', t('legend.changeHold')],
    ['bg-orange-400/70', t('legend.maintenance')],
    ['bg-red-300/70', t('legend.blackout')],
    ['bg-amber-300/70', t('legend.buffer')],
    ['bg-blue-50 border border-blue-200', t('legend.today')],
  ];
  if (opening) items.push(['bg-slate-300/70', bookable ? t('legend.notBookable') : t('legend.closed')]);
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-700" aria-label={t('legend.label')}>
      {items.map(([swatch, label]) => (
        <li key={label} className="flex items-center gap-1.5">
          <span className={cn('inline-block size-3 rounded-sm', swatch)} aria-hidden />
          {label}
        </li>
      ))}
    </ul>
  );
}
