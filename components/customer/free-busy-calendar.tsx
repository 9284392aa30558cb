'use client';

/**
 * The public free/busy week of one customer-bookable resource: busy time as anonymous blocks
 * (no titles — the public API gives bare intervals), free half-hours as buttons to tap. A week
 * at a time, Monday first; on a phone one day at a time with a row of day buttons.
 *
 * Every time is the organisation's wall clock, whatever the browser's zone: days are
 * 'YYYY-MM-DD' strings and each cell's instant is computed in the organisation's zone
 * (zonedInstant), never with the browser's offsets. Busy intervals come from
 * GET /api/v1/public/availability, the same answer any client of the public API gets.
 *
 * Only starts the server would accept for the chosen duration are offered, buffers included
 * (lib/customer/start-grid.ts); the server checks the slot again all the same (notice, hours,
 * buffers, the exclusion constraint) and answers a refusal with alternatives.
 */
import { ChevronLeftIcon, ChevronRightIcon, RotateCwIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { addDays, dayInZone, type HolidayCalendar } from '@/lib/calendar/working-days';
import { buildColumns, firstBookableDay, gridRows, minutesOf, mondayOf, SLOT_MINUTES, startState, type GridResource } from '@/lib/customer/start-grid';
import { isLocale, localeTags } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { clockOf } from '@/lib/staff-booking/wall-clock';
import { cn } from '@/lib/utils';
import { useBusyWeek } from './use-busy-week';

export interface FreeBusyResource extends GridResource {
  id: string;
}

/** A chosen slot as wall-clock values in the organisation's zone. */
export interface SlotChoice {
  day: string;
  startTime: string;
  endTime: string;
}

export interface FreeBusyCalendarProps {
  resource: FreeBusyResource;
  timeZone: string;
  /** The earliest start the customer notice allows (ISO instant, computed by the server). */
  earliestStartAt: string;
  /** The last day inside the booking horizon. */
  lastDay: string;
  holidays: HolidayCalendar;
  /** The duration chosen: only starts from which a booking this long fits are offered. */
  durationMinutes: number;
  selection: SlotChoice | null;
  onPick: (day: string, startTime: string) => void;
  /** The id of the heading this calendar is labelled by. */
  labelledBy?: string;
}

export function FreeBusyCalendar({
  resource,
  timeZone,
  earliestStartAt,
  lastDay,
  holidays,
  durationMinutes,
  selection,
  onPick,
  labelledBy,
}: FreeBusyCalendarProps) {
  const t = useTranslations('book.calendar');
  const localeValue = useLocale();
  const locale = isLocale(localeValue) ? localeValue : 'zh';
  const earliest = Date.parse(earliestStartAt);
  const firstWeek = mondayOf(dayInZone(new Date(earliestStartAt), timeZone));

  const [week, setWeek] = useState(() =>
    mondayOf(selection?.day ?? firstBookableDay(resource, { timeZone, earliest, lastDay, holidays })),
  );
  const [activeDay, setActiveDay] = useState<string | null>(selection?.day ?? null);
  // A slot chosen elsewhere (an alternative) brings its week and day into view.
  const [shownSelection, setShownSelection] = useState(selection?.day);
  if (selection?.day !== shownSelection) {
    setShownSelection(selection?.day);
    if (selection) {
      setWeek(mondayOf(selection.day));
      setActiveDay(selection.day);
    }
  }

  const { busy, maintenance, loading, error, retry } = useBusyWeek(resource.id, week, timeZone, locale);
  const rows = useMemo(() => gridRows(resource), [resource]);
  const columns = useMemo(
    () => buildColumns(resource, week, durationMinutes, busy, { timeZone, earliest, lastDay, holidays }),
    [resource, week, durationMinutes, busy, timeZone, earliest, lastDay, holidays],
  );

  const dayFormat = useMemo(
    () => new Intl.DateTimeFormat(localeTags[locale], { timeZone: 'UTC', weekday: 'short', month: 'numeric', day: 'numeric' }),
    [locale],
  );
  const dayLabel = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
  const shownDay =
    activeDay && activeDay >= week && activeDay < addDays(week, 7)
      ? activeDay
      : (columns.find((c) => c.runs.some((r) => r.state === 'free'))?.day ??
        columns.find((c) => c.state === 'open')?.day ??
        week);

  const canGoBack = week > firstWeek;
  const canGoOn = addDays(week, 7) <= lastDay;
  const moveWeek = (weeks: number) => {
    setWeek(addDays(week, weeks * 7));
    setActiveDay(null);
  };

  const selectedRange =
    selection && selection.day >= week && selection.day < addDays(week, 7)
      ? { day: selection.day, start: minutesOf(selection.startTime), end: minutesOf(selection.endTime) }
      : null;
  // A start chosen for a shorter duration may not fit the one chosen now.
  const selectionHitsBusy =
    !loading &&
    selection !== null &&
    selectedRange !== null &&
    startState(resource, selection.day, selection.startTime, durationMinutes, busy, { timeZone, earliest, lastDay, holidays }) !== 'free';

  return (
    <div className="flex flex-col gap-3" aria-labelledby={labelledBy} role="group">
      <div className="flex items-center justify-between gap-2">
        <Button variant="outline" size="icon" onClick={() => moveWeek(-1)} disabled={!canGoBack} aria-label={t('previousWeek')}>
          <ChevronLeftIcon aria-hidden />
        </Button>
        <p className="text-center text-sm font-medium text-slate-900" aria-live="polite">
          {t('weekOf', { from: dayLabel(week), to: dayLabel(addDays(week, 6)) })}
        </p>
        <Button variant="outline" size="icon" onClick={() => moveWeek(1)} disabled={!canGoOn} aria-label={t('nextWeek')}>
          <ChevronRightIcon aria-hidden />
        </Button>
      </div>

      {/* Phones: one day at a time. */}
      <div className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1 md:hidden" role="group" aria-label={t('chooseDay')}>
        {columns.map((column) => (
          <button
            key={column.day}
            type="button"
            aria-pressed={column.day === shownDay}
            onClick={() => setActiveDay(column.day)}
            className={cn(
              'flex min-h-11 min-w-12 shrink-0 flex-col items-center justify-center rounded-md border px-2 text-xs leading-tight',
              'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600',
              column.day === shownDay
                ? 'border-blue-700 bg-blue-700 text-white'
                : column.state === 'open'
                  ? 'border-slate-300 bg-white text-slate-900'
                  : 'border-slate-200 bg-slate-50 text-slate-400',
            )}
          >
            {dayLabel(column.day)}
          </button>
        ))}
      </div>

      {maintenance.length > 0 && (
        <div role="status" data-testid="maintenance-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {maintenance.map((m) => (
            <p key={m.startAt}>
              {t(m.untilFurtherNotice ? 'maintenanceOpen' : 'maintenanceUntil', {
                start: formatDateTime(new Date(m.startAt), locale, timeZone),
                end: formatDateTime(new Date(m.endAt), locale, timeZone),
              })}
            </p>
          ))}
        </div>
      )}

      {error !== null && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <span>{error || t('loadFailed')}</span>
          <Button variant="outline" size="sm" onClick={retry}>
            <RotateCwIcon aria-hidden />
            {t('retry')}
          </Button>
        </div>
      )}

      <div
        className={cn(
          // Rows of at least 40px on touch screens (tap targets), a little tighter on a desktop.
          'grid grid-cols-[3rem_minmax(0,1fr)] gap-x-1 rounded-lg [--row:2.5rem] md:[--row:2.25rem] border border-slate-200 bg-white p-2 md:grid-cols-[3.25rem_repeat(7,minmax(0,1fr))]',
          loading && 'opacity-60',
        )}
        aria-busy={loading}
      >
        <div className="hidden md:block" aria-hidden />
        {columns.map((column) => (
          <div
            key={column.day}
            className={cn('hidden pb-1 text-center text-xs font-medium text-slate-700 md:block', column.state !== 'open' && 'text-slate-400')}
            aria-hidden
          >
            {dayLabel(column.day)}
          </div>
        ))}

        <div className="grid gap-y-0.5" style={{ gridTemplateRows: `repeat(${rows.length}, var(--row))` }} aria-hidden>
          {rows.map((clock) => (
            <span key={clock} className="-mt-1.5 pr-1 text-right text-xs text-slate-500 tabular-nums">
              {clock}
            </span>
          ))}
        </div>

        {columns.map((column) => (
          <ul
            key={column.day}
            aria-label={dayLabel(column.day)}
            className={cn('grid gap-y-0.5', column.day === shownDay ? 'grid' : 'hidden md:grid')}
            style={{ gridTemplateRows: `repeat(${rows.length}, var(--row))` }}
          >
            {column.state !== 'open' ? (
              <li
                className="flex items-start justify-center rounded-md bg-slate-100 p-2 text-center text-xs text-slate-500"
                style={{ gridRow: `1 / span ${Math.max(1, rows.length)}` }}
              >
                {column.state === 'closed' ? t('closed') : t('beyondHorizon')}
              </li>
            ) : (
              column.runs.map((run) => {
                const style = { gridRow: `${run.row + 1} / span ${run.span}` };
                if (run.state !== 'free') {
                  return (
                    <li
                      key={run.row}
                      style={style}
                      className={cn(
                        'flex items-start overflow-hidden rounded-md px-1.5 py-1 text-xs',
                        run.state === 'busy'
                          ? 'border border-slate-400 bg-slate-300 font-medium text-slate-800 [background-image:repeating-linear-gradient(135deg,transparent_0_6px,rgb(255_255_255/0.35)_6px_12px)]'
                          : run.state === 'short'
                            ? 'border border-dashed border-slate-300 bg-white text-slate-600'
                            : 'bg-slate-100 text-slate-600',
                      )}
                    >
                      <span className="sr-only">{`${rows[run.row]}–${clockOf(minutesOf(rows[run.row]) + run.span * SLOT_MINUTES)} `}</span>
                      {t(run.state)}
                    </li>
                  );
                }
                const clock = rows[run.row];
                const minutes = minutesOf(clock);
                const chosen =
                  selectedRange !== null &&
                  selectedRange.day === column.day &&
                  minutes >= selectedRange.start &&
                  minutes < selectedRange.end;
                return (
                  <li key={run.row} style={style}>
                    <button
                      type="button"
                      disabled={loading}
                      aria-pressed={chosen}
                      aria-label={t('freeSlot', { day: dayLabel(column.day), time: clock })}
                      onClick={() => onPick(column.day, clock)}
                      className={cn(
                        'h-full w-full rounded-md border text-xs font-medium tabular-nums transition-colors',
                        'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600',
                        chosen
                          ? 'border-green-900 bg-green-700 text-white'
                          : 'border-blue-200 bg-blue-50 text-blue-900 hover:border-blue-400 hover:bg-blue-100',
                      )}
                    >
                      {clock}
                    </button>
                  </li>
                );
              })
            )}
          </ul>
        ))}
      </div>

      {selectionHitsBusy && (
        <p role="alert" className="text-sm font-medium text-amber-900">
          {t('selectionOverlaps')}
        </p>
      )}

      <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-700" aria-label={t('legend')}>
        {(
          [
            ['border border-blue-200 bg-blue-50', t('legendFree')],
            ['border border-slate-400 bg-slate-300', t('busy')],
            ['bg-slate-100', t('unavailable')],
            ['border border-dashed border-slate-300 bg-white', t('shortLegend')],
            ['bg-green-700', t('legendSelected')],
          ] as const
        ).map(([swatch, label]) => (
          <li key={label} className="flex items-center gap-1.5">
            <span className={cn('inline-block size-3 rounded-sm', swatch)} aria-hidden />
            {label}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600">{t('timeZoneNote', { zone: timeZone })}</p>
    </div>
  );
}
