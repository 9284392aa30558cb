/**
 * Utilisation: hours booked and used against the resources' opening hours, by resource, by
 * department or by week, in one statement whatever the number of resources.
 *
 * - A booking counts on the day it starts (as in the ledger totals), booked hours only when it
 *   was granted (lib/reports/measures.ts).
 * - Available hours are each resource's daily opening hours on every day it opens: every day,
 *   or only working days under the holiday calendar (make-up days included) when the resource
 *   books on working days only. Resources retired before the period, with no booking in it,
 *   are left out. Maintenance is not subtracted: an hour under maintenance is an hour lost.
 * - By department, available hours are all resources' hours, so each department's utilisation
 *   is its share of everything that was open; customer bookings are one row of their own.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { requireAdmin, type Actor } from '@/lib/authz';
import { parseInput } from '@/lib/booking/schemas';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/forms/server-action';
import { getSettings } from '@/lib/settings';
import { BOOKINGS_ALIAS_B, hours } from './measures';
import { parsePeriod, periodSchema, type Period } from './period';
import { instant, selectRows } from './sql-rows';

export const UTILISATION_GROUPS = ['resource', 'department', 'week'] as const;
export type UtilisationGroup = (typeof UTILISATION_GROUPS)[number];

export const utilisationQuerySchema = z.object({
  from: periodSchema.shape.from,
  to: periodSchema.shape.to,
  groupBy: z.enum(UTILISATION_GROUPS, { error: 'invalid_choice' }),
});

export const utilisationRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  bookedHours: z.number(),
  usedHours: z.number(),
  availableHours: z.number(),
  /** Booked over available hours, 0–1 (0 when nothing was open). */
  utilisation: z.number(),
});
export const utilisationReportSchema = z.object({ rows: z.array(utilisationRowSchema) });
export type UtilisationRow = z.infer<typeof utilisationRowSchema>;

/** The API's answer: rows labelled in the caller's language. */
export async function utilisationReport(db: Db, actor: Actor, input: Record<string, unknown>, locale: AppLocale): Promise<{ rows: UtilisationRow[] }> {
  requireAdmin(actor);
  const { groupBy } = parseInput(utilisationQuerySchema.pick({ groupBy: true }), input);
  const { timeZone } = await getSettings(db);
  const period = parsePeriod({ from: input.from, to: input.to }, timeZone);
  const t = translator(locale, 'reports') as unknown as Translate;
  const rows = await utilisationRows(db, period, groupBy);
  return { rows: rows.map((row) => ({ ...withoutNames(row), label: utilisationLabel(row, locale, t) })) };
}

export interface UtilisationFigures {
  key: string;
  /** The resource's code, the department's names, or the week's Monday. */
  code: string | null;
  nameZh: string | null;
  nameEn: string | null;
  bookedHours: number;
  usedHours: number;
  availableHours: number;
  utilisation: number;
}

const withoutNames = ({ key, bookedHours, usedHours, availableHours, utilisation }: UtilisationFigures) => ({
  key,
  bookedHours,
  usedHours,
  availableHours,
  utilisation,
});

/** "MR-301 三楼大会议室", a department's name, "customers", or the week's first day. */
export function utilisationLabel(row: UtilisationFigures, locale: AppLocale, t: Translate): string {
  if (row.key === CUSTOMERS) return t('customers');
  if (row.key === NO_DEPARTMENT) return t('noDepartment');
  if (row.nameZh !== null) {
    const name = localizedName({ nameZh: row.nameZh, nameEn: row.nameEn ?? '' }, locale);
    return row.code ? `${row.code} ${name}` : name;
  }
  return t('weekOf', { day: row.key });
}

const CUSTOMERS = 'customers';
const NO_DEPARTMENT = 'none';

/** The statement's shared part: the period's days, the resources counted, their open hours and their bookings. */
function periodCtes(period: Period): SQL {
  const { fromDay, toDay, start, end, timeZone } = period;
  return sql`
    days as (
      select d::date as day, coalesce(h.kind = 'makeup_workday', extract(isodow from d) < 6) as working
        from generate_series(${fromDay}::date, ${toDay}::date, interval '1 day') d
        left join holidays h on h.date = d::date
    ),
    res as (
      select r.id, r.code, r.name_zh, r.name_en, r.opens_at, r.closes_at, r.working_days_only
        from resources r
       where r.state <> 'retired'
          or exists (select 1 from bookings b where b.resource_id = r.id and b.start_at >= ${instant(start)} and b.start_at < ${instant(end)})
    ),
    open_hours as (
      select r.id as resource_id, d.day, extract(epoch from r.closes_at - r.opens_at) as seconds
        from res r join days d on d.working or not r.working_days_only
    ),
    use as (
      select b.resource_id, b.department_id, b.requester_kind, (b.start_at at time zone ${timeZone})::date as day,
             ${BOOKINGS_ALIAS_B.booked} as booked, ${BOOKINGS_ALIAS_B.used} as used
        from bookings b join res r on r.id = b.resource_id
       where b.start_at >= ${instant(start)} and b.start_at < ${instant(end)}
    )`;
}

const GROUPED: Record<UtilisationGroup, SQL> = {
  resource: sql`
    select r.id::text as key, r.code, r.name_zh, r.name_en,
           coalesce(u.booked, 0)::float8 as booked, coalesce(u.used, 0)::float8 as used, coalesce(o.available, 0)::float8 as available
      from res r
      left join (select resource_id, sum(booked) as booked, sum(used) as used from use group by 1) u on u.resource_id = r.id
      left join (select resource_id, sum(seconds) as available from open_hours group by 1) o on o.resource_id = r.id
     order by r.code`,
  week: sql`
    select to_char(w.week, 'YYYY-MM-DD') as key, null as code, null as name_zh, null as name_en,
           coalesce(u.booked, 0)::float8 as booked, coalesce(u.used, 0)::float8 as used, coalesce(o.available, 0)::float8 as available
      from (select distinct date_trunc('week', day)::date as week from days) w
      left join (select date_trunc('week', day)::date as week, sum(booked) as booked, sum(used) as used from use group by 1) u on u.week = w.week
      left join (select date_trunc('week', day)::date as week, sum(seconds) as available from open_hours group by 1) o on o.week = w.week
     order by w.week`,
  department: sql`
    select coalesce(d.id::text, u.key) as key, d.code, d.name_zh, d.name_en,
           coalesce(u.booked, 0)::float8 as booked, coalesce(u.used, 0)::float8 as used,
           coalesce((select sum(seconds) from open_hours), 0)::float8 as available
      from (select coalesce(department_id::text, case when requester_kind = 'customer' then ${CUSTOMERS} else ${NO_DEPARTMENT} end) as key,
                   sum(booked) as booked, sum(used) as used
              from use group by 1) u
      full join departments d on d.id::text = u.key
     order by d.code nulls last, key`,
};

/** One statement: the figures of every group over the period. */
export async function utilisationRows(db: Db, period: Period, groupBy: UtilisationGroup): Promise<UtilisationFigures[]> {
  const rows = await selectRows<{ key: string; code: string | null; name_zh: string | null; name_en: string | null; booked: number; used: number; available: number }>(
    db,
    sql`with ${periodCtes(period)} ${GROUPED[groupBy]}`,
  );
  return rows.map((row) => ({
    key: row.key,
    // A department's code is not shown; a resource's is.
    code: groupBy === 'resource' ? row.code : null,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    bookedHours: hours(row.booked),
    usedHours: hours(row.used),
    availableHours: hours(row.available),
    utilisation: row.available > 0 ? Math.round((row.booked / row.available) * 10_000) / 10_000 : 0,
  }));
}
