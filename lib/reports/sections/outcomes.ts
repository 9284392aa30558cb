/**
 * How requests ended, for staff and for customers: no-show and late-cancellation rates, and
 * how many approved bookings were confirmed or expired unconfirmed.
 *
 * - no-show rate: no-shows over the granted bookings whose time came (used, in use, no-show);
 * - late cancellation: cancelled by the applicant (or for them), less than `change_notice_hours`
 *   before the start, over all requests; admin's cancellations are not the applicant's;
 * - confirmation and expiry rates: over the requests admin approved.
 */
import { sql } from 'drizzle-orm';
import { categoryChart, percent } from '../chart';
import { defineSection } from '../section';
import { instant, selectRows } from '../sql-rows';

interface Outcome {
  kind: 'staff' | 'customer';
  requests: number;
  due: number;
  noShows: number;
  lateCancellations: number;
  approved: number;
  confirmed: number;
  expired: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

const rates = (o: Outcome) => ({
  noShowRate: ratio(o.noShows, o.due),
  lateCancellationRate: ratio(o.lateCancellations, o.requests),
  confirmationRate: ratio(o.confirmed, o.approved),
  expiryRate: ratio(o.expired, o.approved),
});

const RATES = ['noShowRate', 'lateCancellationRate', 'confirmationRate', 'expiryRate'] as const;

export const outcomes = defineSection<Outcome[]>({
  id: 'outcomes',
  load: (db, { start, end, changeNoticeHours }) =>
    selectRows<Outcome>(
      db,
      sql`
        select k.kind,
               count(b.id)::int as requests,
               count(b.id) filter (where b.status in ('completed', 'in_use', 'no_show'))::int as due,
               count(b.id) filter (where b.status = 'no_show')::int as "noShows",
               -- Looked up for the cancelled bookings only (a lateral join ran it for every booking).
               count(b.id) filter (where b.status = 'cancelled' and exists (
                 select from booking_events e
                  where e.booking_id = b.id and e.to_status = 'cancelled' and e.action <> 'admin_cancel'
                    and e.created_at > b.start_at - make_interval(hours => ${changeNoticeHours})))::int as "lateCancellations",
               count(b.approved_at)::int as approved,
               count(b.confirmed_at)::int as confirmed,
               count(b.id) filter (where b.status = 'expired')::int as expired
          from (values ('staff'::requester_kind), ('customer'::requester_kind)) k(kind)
          left join bookings b on b.requester_kind = k.kind and b.start_at >= ${instant(start)} and b.start_at < ${instant(end)}
         group by k.kind
         order by k.kind`,
    ),
  table: (rows, { t }) => ({
    columns: [
      { key: 'kind', label: t('column.requesterKind'), kind: 'text' },
      { key: 'requests', label: t('column.requests'), kind: 'count' },
      { key: 'noShows', label: t('column.noShows'), kind: 'count' },
      { key: 'noShowRate', label: t('column.noShowRate'), kind: 'ratio' },
      { key: 'lateCancellations', label: t('column.lateCancellations'), kind: 'count' },
      { key: 'lateCancellationRate', label: t('column.lateCancellationRate'), kind: 'ratio' },
      { key: 'approved', label: t('column.approved'), kind: 'count' },
      { key: 'confirmed', label: t('column.confirmed'), kind: 'count' },
      { key: 'confirmationRate', label: t('column.confirmationRate'), kind: 'ratio' },
      { key: 'expired', label: t('column.expired'), kind: 'count' },
      { key: 'expiryRate', label: t('column.expiryRate'), kind: 'ratio' },
    ],
    rows: rows.map((o) => ({ ...o, kind: t(`kind.${o.kind}`), ...rates(o) })),
  }),
  chart: (rows, { t }) =>
    categoryChart({
      categories: RATES.map((r) => t(`column.${r}`)),
      valueAxis: t('axis.percent'),
      series: rows.map((o) => ({ name: t(`kind.${o.kind}`), data: RATES.map((r) => percent(rates(o)[r])) })),
    }),
});
