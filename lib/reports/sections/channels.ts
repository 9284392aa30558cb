/**
 * Who books and how: requests and booked hours by applicant (staff or customer) and channel
 * (staff portal, public page, phone, e-mail, paper form), with each one's share of all requests.
 */
import { sql } from 'drizzle-orm';
import { categoryChart } from '../chart';
import { BOOKINGS_ALIAS_B, hours } from '../measures';
import { defineSection } from '../section';
import { instant, selectRows } from '../sql-rows';

interface ChannelRow {
  kind: 'staff' | 'customer';
  channel: string;
  requests: number;
  booked: number;
}

const CHANNELS = ['portal', 'public', 'phone', 'email', 'paper'];

export const channels = defineSection<ChannelRow[]>({
  id: 'channels',
  load: (db, { start, end }) =>
    selectRows<ChannelRow>(
      db,
      sql`
        select b.requester_kind as kind, b.channel::text as channel, count(*)::int as requests, sum(${BOOKINGS_ALIAS_B.booked})::float8 as booked
          from bookings b
         where b.start_at >= ${instant(start)} and b.start_at < ${instant(end)}
         group by 1, 2
         order by 1, 2`,
    ),
  table: (rows, { t, channelName }) => {
    const total = rows.reduce((sum, r) => sum + r.requests, 0);
    return {
      columns: [
        { key: 'kind', label: t('column.requesterKind'), kind: 'text' },
        { key: 'channel', label: t('column.channel'), kind: 'text' },
        { key: 'requests', label: t('column.requests'), kind: 'count' },
        { key: 'share', label: t('column.share'), kind: 'ratio' },
        { key: 'bookedHours', label: t('column.bookedHours'), kind: 'hours' },
      ],
      rows: rows.map((r) => ({
        kind: t(`kind.${r.kind}`),
        channel: channelName(r.channel),
        requests: r.requests,
        share: total > 0 ? Math.round((r.requests / total) * 10_000) / 10_000 : 0,
        bookedHours: hours(r.booked),
      })),
    };
  },
  chart: (rows, { t, channelName }) =>
    categoryChart({
      categories: CHANNELS.map(channelName),
      valueAxis: t('axis.requests'),
      series: (['staff', 'customer'] as const).map((kind) => ({
        name: t(`kind.${kind}`),
        stack: 'requests',
        data: CHANNELS.map((c) => rows.find((r) => r.kind === kind && r.channel === c)?.requests ?? 0),
      })),
    }),
});
