/**
 * When resources are booked: booked hours of all resources by weekday and hour of the day, in
 * the organisation's zone. A booking adds to each hour it covers, by the part it covers (09:30–
 * 11:00 gives 0.5 to 9 h and 1 to 10 h).
 */
import { sql } from 'drizzle-orm';
import { GRID, PALETTE } from '../chart';
import { BOOKED_IN } from '../measures';
import { defineSection, type ReportView } from '../section';
import { instant, selectRows } from '../sql-rows';

interface Cell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  hours: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The hours shown: the office day, widened to any hour that was booked. */
function hourRange(cells: Cell[]): number[] {
  const booked = cells.map((c) => c.hour);
  const first = Math.min(8, ...booked);
  const last = Math.max(18, ...booked);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const weekdayName = (weekday: number, { t }: ReportView) => t(`weekday.${weekday}`);

export const heatmap = defineSection<Cell[]>({
  id: 'heatmap',
  load: (db, { start, end, timeZone }) =>
    selectRows<{ weekday: number; hour: number; hours: number }>(
      db,
      sql`
        select extract(isodow from x.slot)::int as weekday, extract(hour from x.slot)::int as hour,
               (sum(extract(epoch from least(b.e, x.slot + interval '1 hour') - greatest(b.s, x.slot))) / 3600)::float8 as hours
          from (select start_at at time zone ${timeZone} as s, end_at at time zone ${timeZone} as e
                  from bookings
                 where start_at >= ${instant(start)} and start_at < ${instant(end)} and status in ${BOOKED_IN}) b
         -- A booking lies within opening hours, inside one day: the 48 hours from its day's start
         -- cover it. Integer bounds let the planner count them; a series of timestamps per
         -- booking is estimated at 1,000 rows each.
         cross join generate_series(0, 47) h
         cross join lateral (select date_trunc('day', b.s) + h * interval '1 hour' as slot) x
         where x.slot < b.e and x.slot + interval '1 hour' > b.s
         group by 1, 2`,
    ).then((rows) => rows.map((r) => ({ weekday: r.weekday, hour: r.hour, hours: Math.round(r.hours * 100) / 100 }))),
  table: (cells, view) => {
    const at = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.hours]));
    return {
      columns: [
        { key: 'hour', label: view.t('column.hour'), kind: 'text' },
        ...WEEKDAYS.map((d) => ({ key: `d${d}`, label: weekdayName(d, view), kind: 'hours' as const })),
      ],
      rows: hourRange(cells).map((hour) => ({
        hour: clock(hour),
        ...Object.fromEntries(WEEKDAYS.map((d) => [`d${d}`, at.get(`${d}:${hour}`) ?? 0])),
      })),
    };
  },
  chart: (cells, view) => {
    const hoursShown = hourRange(cells);
    const max = Math.max(1, ...cells.map((c) => c.hours));
    return {
      height: 120 + hoursShown.length * 22,
      option: {
        grid: { ...GRID, top: 16, bottom: 64 },
        tooltip: { position: 'top' },
        xAxis: { type: 'category', data: WEEKDAYS.map((d) => weekdayName(d, view)), splitArea: { show: true } },
        yAxis: { type: 'category', data: hoursShown.map(clock), inverse: true, splitArea: { show: true } },
        visualMap: {
          min: 0,
          max,
          calculable: true,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          inRange: { color: ['#eff6ff', PALETTE[0]] },
          text: [view.t('axis.more'), view.t('axis.less')],
        },
        series: [
          {
            name: view.t('column.bookedHours'),
            type: 'heatmap',
            data: cells.filter((c) => hoursShown.includes(c.hour)).map((c) => [c.weekday - 1, hoursShown.indexOf(c.hour), c.hours]),
            emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } },
          },
        ],
      },
    };
  },
});
