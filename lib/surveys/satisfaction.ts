/**
 * Customer satisfaction from the follow-up surveys, for a period, per resource: surveys sent,
 * answers, and the average of each score (1–5). Computed in one SQL statement (GROUP BY ROLLUP
 * gives the per-resource rows and the total together), for the reports page and the ledger.
 *
 * The period is that of the visits: surveys of bookings that started in [from, to). A resource
 * with no survey in the period has no row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { requireServiceDesk, type Actor } from '@/lib/authz';
import { instant, selectRows } from '@/lib/reports/sql-rows';

export interface SatisfactionFigures {
  /** Surveys e-mailed for visits in the period. */
  sent: number;
  /** Of those, answered. */
  responses: number;
  /** Averages over the answers, rounded to two decimals; null without answers. */
  overall: number | null;
  condition: number | null;
  service: number | null;
}

export interface SatisfactionRow extends SatisfactionFigures {
  resourceId: string;
  code: string;
  name: { zh: string; en: string };
}

export interface Satisfaction {
  /** By resource code. */
  rows: SatisfactionRow[];
  total: SatisfactionFigures;
}

export interface SatisfactionPeriod {
  /** Instants, `to` exclusive: e.g. the organisation-zone midnights of the first and the day after the last day. */
  from: Date;
  to: Date;
  /** Only this resource (the ledger of one resource). */
  resourceId?: string;
}

export interface SatisfactionStatementRow {
  resource_id: string | null;
  code: string | null;
  name_zh: string | null;
  name_en: string | null;
  sent: number | string;
  responses: number | string;
  overall: number | string | null;
  condition: number | string | null;
  service: number | string | null;
}

/**
 * The one statement behind both the reports' satisfaction section and the ledger: its rows are
 * the resources (by code) then the ROLLUP total, whose resource_id is null.
 */
export function satisfactionStatement(period: SatisfactionPeriod): SQL {
  const average = (column: string) => sql.raw(`round(avg(s.${column})::numeric, 2)::float8`);
  return sql`
    select r.id as resource_id, r.code, r.name_zh, r.name_en,
           count(*)::int as sent, count(s.answered_at)::int as responses,
           ${average('overall')} as overall, ${average('condition')} as condition, ${average('service')} as service
      from surveys s
      join bookings b on b.id = s.booking_id
      join resources r on r.id = b.resource_id
     where b.start_at >= ${instant(period.from)} and b.start_at < ${instant(period.to)}
       ${period.resourceId ? sql`and b.resource_id = ${period.resourceId}::uuid` : sql``}
     group by rollup ((r.id, r.code, r.name_zh, r.name_en))
     order by r.code nulls last`;
}

/** The statement's rows as figures per resource and in total. */
export function satisfactionFrom(rows: SatisfactionStatementRow[]): Satisfaction {
  const figures = (row: SatisfactionStatementRow): SatisfactionFigures => ({
    sent: Number(row.sent),
    responses: Number(row.responses),
    overall: row.overall === null ? null : Number(row.overall),
    condition: row.condition === null ? null : Number(row.condition),
    service: row.service === null ? null : Number(row.service),
  });
  const total = rows.find((row) => row.resource_id === null);
  return {
    rows: rows
      .filter((row) => row.resource_id !== null)
      .map((row) => ({ resourceId: row.resource_id!, code: row.code!, name: { zh: row.name_zh!, en: row.name_en! }, ...figures(row) })),
    total: total ? figures(total) : { sent: 0, responses: 0, overall: null, condition: null, service: null },
  };
}

/** Admin and customer service. */
export async function satisfactionByResource(db: Db, actor: Actor, period: SatisfactionPeriod): Promise<Satisfaction> {
  requireServiceDesk(actor);
  return satisfactionFrom(await selectRows<SatisfactionStatementRow>(db, satisfactionStatement(period)));
}
