/**
 * How long people wait: from submission to admin's decision (approved or rejected, the first
 * time), and from approval to the applicant's confirmation, in hours — mean, median and 90th
 * percentile, for staff and for customers (customers are reviewed first, product rule 3).
 */
import { sql } from 'drizzle-orm';
import { requesterKind } from '@/db/schema';
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

/** Staff first, as the enum orders them; a kind with no booking in the period shows empty. */
const KINDS = requesterKind.enumValues;
const noWait = (kind: Wait['kind']): Wait => ({
  kind,
  decided: 0,
  decideMean: null,
  decideMedian: null,
  decideP90: null,
  confirmed: 0,
  confirmMean: null,
  confirmMedian: null,
  confirmP90: null,
});

/*
 * When admin decided a request. A request is decided once (approve only leaves `pending`, and
 * nothing returns there): an approval's moment is the booking's own `approved_at`, and only a
 * rejection, whose booking keeps no such column, is read from its event — for the period's
 * rejected bookings alone (their own index). A look-up of the events for every booking (a
 * lateral subquery) took 100 of the statement's 140 ms on 32,200 bookings; as a subquery in a
 * CASE the planner costs it as run for every row, and the estimate had PostgreSQL compile the
 * statement (JIT, 30 ms more); a CTE shared by both parts costs its materialising, 30 ms.
 */
export const reviewTime = defineSection<Wait[]>({
  id: 'reviewTime',
  load: async (db, { start, end }) => {
    const inPeriod = sql`b.start_at >= ${instant(start)} and b.start_at < ${instant(end)}`;
    const rows = await selectRows<Wait>(
      db,
      sql`
        with waits as (
          select b.requester_kind as kind,
                 date_part('epoch', b.approved_at - b.submitted_at) / 3600 as decide,
                 date_part('epoch', b.confirmed_at - b.approved_at) / 3600 as confirm
            from bookings b
           where ${inPeriod} and b.approved_at is not null
          union all
          select b.requester_kind, date_part('epoch', min(e.created_at) - b.submitted_at) / 3600, null
            from bookings b
            join booking_events e on e.booking_id = b.id and e.to_status = 'rejected'
           where ${inPeriod} and b.status = 'rejected'
           group by b.id
        )
        select kind,
               count(decide)::int as decided,
               avg(decide) as "decideMean",
               percentile_cont(0.5) within group (order by decide) as "decideMedian",
               percentile_cont(0.9) within group (order by decide) as "decideP90",
               count(confirm)::int as confirmed,
               avg(confirm) as "confirmMean",
               percentile_cont(0.5) within group (order by confirm) as "confirmMedian",
               percentile_cont(0.9) within group (order by confirm) as "confirmP90"
          from waits
         group by kind`,
    );
    return KINDS.map((kind) => rows.find((w) => w.kind === kind) ?? noWait(kind)).map((w) => ({
      ...w,
      decideMean: round(w.decideMean),
      decideMedian: round(w.decideMedian),
      decideP90: round(w.decideP90),
      confirmMean: round(w.confirmMean),
      confirmMedian: round(w.confirmMedian),
      confirmP90: round(w.confirmP90),
    }));
  },
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
