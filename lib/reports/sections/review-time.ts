/**
 * How long people wait: from submission to admin's decision (approved or rejected, the first
 * time), and from approval to the applicant's confirmation, in hours — mean, median and 90th
 * percentile, for staff and for customers (customers are reviewed first, product rule 3).
 */
import { sql } from 'drizzle-orm';
import { categoryChart } from '../chart';
import { defineSection } from '../section';
import { instant, selectRows } from '../sql-rows';

interface Wait {
  kind: 'staff' | 'customer';
  decided: number;
  decideMean: number | null;
  decideMedian: number | null;
  decideP90: number | null;
  confirmed: number;
  confirmMean: number | null;
  confirmMedian: number | null;
  confirmP90: number | null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

export const reviewTime = defineSection<Wait[]>({
  id: 'reviewTime',
  load: (db, { start, end }) =>
    selectRows<Wait>(
      db,
      sql`
        with waits as (
          select b.requester_kind as kind,
                 extract(epoch from d.at - b.submitted_at) / 3600 as decide,
                 extract(epoch from b.confirmed_at - b.approved_at) / 3600 as confirm
            from bookings b
            left join lateral (
                  select min(e.created_at) as at from booking_events e
                   where e.booking_id = b.id and e.from_status in ('pending', 'needs_info')
                     and e.to_status in ('awaiting_confirmation', 'rejected')
                 ) d on true
           where b.start_at >= ${instant(start)} and b.start_at < ${instant(end)}
        )
        select k.kind,
               count(w.decide)::int as decided,
               avg(w.decide)::float8 as "decideMean",
               percentile_cont(0.5) within group (order by w.decide)::float8 as "decideMedian",
               percentile_cont(0.9) within group (order by w.decide)::float8 as "decideP90",
               count(w.confirm)::int as confirmed,
               avg(w.confirm)::float8 as "confirmMean",
               percentile_cont(0.5) within group (order by w.confirm)::float8 as "confirmMedian",
               percentile_cont(0.9) within group (order by w.confirm)::float8 as "confirmP90"
          from (values ('staff'::requester_kind), ('customer'::requester_kind)) k(kind)
          left join waits w on w.kind = k.kind
         group by k.kind
         order by k.kind`,
    ).then((rows) =>
      rows.map((w) => ({
        ...w,
        decideMean: round(w.decideMean),
        decideMedian: round(w.decideMedian),
        decideP90: round(w.decideP90),
        confirmMean: round(w.confirmMean),
        confirmMedian: round(w.confirmMedian),
        confirmP90: round(w.confirmP90),
      })),
    ),
  table: (rows, { t }) => ({
    columns: [
      { key: 'kind', label: t('column.requesterKind'), kind: 'text' },
      { key: 'decided', label: t('column.decided'), kind: 'count' },
      { key: 'decideMean', label: t('column.decideMean'), kind: 'hours' },
      { key: 'decideMedian', label: t('column.decideMedian'), kind: 'hours' },
      { key: 'decideP90', label: t('column.decideP90'), kind: 'hours' },
      { key: 'confirmed', label: t('column.confirmed'), kind: 'count' },
      { key: 'confirmMean', label: t('column.confirmMean'), kind: 'hours' },
      { key: 'confirmMedian', label: t('column.confirmMedian'), kind: 'hours' },
      { key: 'confirmP90', label: t('column.confirmP90'), kind: 'hours' },
    ],
    rows: rows.map((w) => ({ ...w, kind: t(`kind.${w.kind}`) })),
  }),
  chart: (rows, { t }) => {
    const measures = ['decideMedian', 'decideP90', 'confirmMedian', 'confirmP90'] as const;
    return categoryChart({
      categories: measures.map((m) => t(`column.${m}`)),
      valueAxis: t('axis.hours'),
      series: rows.map((w) => ({ name: t(`kind.${w.kind}`), data: measures.map((m) => w[m] ?? 0) })),
    });
  },
});
