/**
 * A resource's ledger over a period (台账, policy II.1): every booking that starts in it with the
 * applicant, their department or the customer's company, the purpose, check-in and check-out,
 * the condition reported at check-out, admin's inspection, and the incident reports made on it
 * with their resolution, the customer's follow-up survey answer; and the period's totals
 * (lib/resources/ledger-totals.ts) with its satisfaction averages (lib/surveys/satisfaction.ts).
 * Newest first, a page at a time: by page number on the ledger page, by cursor in the API.
 * Admin only.
 */
import { and, count, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookings, departments, incidents, resources, resourceTypes, surveys } from '@/db/schema';
import { decodeCursor, encodeCursor } from '@/lib/api/pagination';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import type { ResourceWithType } from '@/lib/booking/queries';
import { DomainError } from '@/lib/errors';
import { parsePeriod } from '@/lib/reports/period';
import { getSettings } from '@/lib/settings';
import { satisfactionByResource } from '@/lib/surveys/satisfaction';
import { ledgerTotalsOver, type LedgerTotals } from './ledger-totals';

export const LEDGER_PAGE_SIZE = 50;

/** Where a page starts: a 1-based page number, or the API's cursor (after the last booking handed out). */
export type LedgerPageRequest = { page: number; limit?: number } | { cursor?: string; limit?: number };

const cursorKey = z.tuple([z.iso.datetime(), z.uuid()]);

export async function ledgerUsage(db: Db, actor: Actor, resourceId: string, input: { from: unknown; to: unknown }, request: LedgerPageRequest) {
  requireAdmin(actor);
  if (!isUuid(resourceId)) throw new DomainError('not_found');
  const [[row], settings] = await Promise.all([
    db.select({ resource: resources, type: resourceTypes }).from(resources).innerJoin(resourceTypes, eq(resources.typeId, resourceTypes.id)).where(eq(resources.id, resourceId)),
    getSettings(db),
  ]);
  if (!row) throw new DomainError('not_found');
  const period = parsePeriod(input, settings.timeZone);
  const limit = Math.min(Math.max(1, Math.trunc(request.limit ?? LEDGER_PAGE_SIZE)), 200);
  const inPeriod = and(eq(bookings.resourceId, resourceId), gte(bookings.startAt, period.start), lt(bookings.startAt, period.end));

  let after = undefined;
  let offset = 0;
  if ('page' in request) offset = (Math.max(1, Math.trunc(request.page) || 1) - 1) * limit;
  else if (request.cursor !== undefined) {
    const [startAt, id] = decodeCursor(request.cursor, cursorKey);
    const at = new Date(startAt);
    after = or(lt(bookings.startAt, at), and(eq(bookings.startAt, at), lt(bookings.id, id)));
  }

  const [usage, [{ total }], totals, satisfaction] = await Promise.all([
    db
      .select({
        id: bookings.id,
        reference: bookings.reference,
        status: bookings.status,
        channel: bookings.channel,
        requesterKind: bookings.requesterKind,
        applicant: bookings.contactName,
        company: bookings.company,
        department: { nameZh: departments.nameZh, nameEn: departments.nameEn },
        purpose: bookings.purpose,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        checkedInAt: bookings.checkedInAt,
        checkedOutAt: bookings.checkedOutAt,
        notCheckedOut: bookings.notCheckedOut,
        condition: bookings.checkoutCondition,
        conditionNotes: bookings.checkoutNotes,
        inspectionResult: bookings.inspectionResult,
        inspectionNote: bookings.inspectionNote,
        inspectedAt: bookings.inspectedAt,
        survey: { id: surveys.id, answeredAt: surveys.answeredAt, overall: surveys.overall, condition: surveys.condition, service: surveys.service, comment: surveys.comment },
      })
      .from(bookings)
      .leftJoin(departments, eq(bookings.departmentId, departments.id))
      .leftJoin(surveys, eq(surveys.bookingId, bookings.id))
      .where(after ? and(inPeriod, after) : inPeriod)
      .orderBy(desc(bookings.startAt), desc(bookings.id))
      .limit(limit + 1)
      .offset(offset),
    db.select({ total: count() }).from(bookings).where(inPeriod),
    ledgerTotalsOver(db, resourceId, period),
    satisfactionByResource(db, actor, { from: period.start, to: period.end, resourceId }),
  ]);
  const items = usage.slice(0, limit);
  const reports = items.length
    ? await db
        .select({
          id: incidents.id,
          bookingId: sql<string>`${incidents.bookingId}`,
          severity: incidents.severity,
          description: incidents.description,
          status: incidents.status,
          resolution: incidents.resolution,
          resolvedAt: incidents.resolvedAt,
          createdAt: incidents.createdAt,
        })
        .from(incidents)
        .where(inArray(incidents.bookingId, items.map((b) => b.id)))
        .orderBy(incidents.createdAt)
    : [];
  const last = items[items.length - 1];
  return {
    resource: { ...row.resource, type: row.type } satisfies ResourceWithType,
    period,
    bookings: items.map((b) => ({
      ...b,
      // A left join gives an object of nulls when the booking has no department.
      department: b.department?.nameZh ? b.department : null,
      survey: answered(b.survey),
      incidents: reports.filter((r) => r.bookingId === b.id),
    })),
    totals: totals satisfies LedgerTotals,
    satisfaction: satisfaction.total,
    total,
    pageCount: Math.max(1, Math.ceil(total / limit)),
    nextCursor: usage.length > limit ? encodeCursor([last.startAt.toISOString(), last.id]) : null,
  };
}

interface SurveyColumns {
  id: string | null;
  answeredAt: Date | null;
  overall: number | null;
  condition: number | null;
  service: number | null;
  comment: string | null;
}

/** The booking's survey answer; null when none was sent or it is not answered (yet). */
function answered(survey: SurveyColumns | null) {
  if (!survey?.id || !survey.answeredAt) return null;
  return { id: survey.id, answeredAt: survey.answeredAt, overall: survey.overall!, condition: survey.condition!, service: survey.service!, comment: survey.comment ?? '' };
}

export type LedgerUsage = Awaited<ReturnType<typeof ledgerUsage>>;
export type LedgerUsageBooking = LedgerUsage['bookings'][number];
