/**
 * Reading rectification items: the list for the desk and department contacts (filters, a page at
 * a time for the screen, by cursor for the JSON API), one item with its history, and the values
 * a new item starts from when it comes from a damage report, a suggestion or a booking.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, departments, feedback, incidents, rectificationEvents, rectifications, resources, surveys, type RectificationStatus } from '@/db/schema';
import { requireServiceDesk, type Actor, type UserActor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { dayInZone } from '@/lib/calendar/working-days';
import { decodeCursor, pageOf, type Page } from '@/lib/api/pagination';
import { DomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/forms/server-action';
import { getSettings } from '@/lib/settings';
import { z } from 'zod';
import { contactDepartment, isDesk, rectificationRoles, requireRectificationViewer } from './access';
import type { RectificationSource } from './schemas';
import { nextStatuses, UNFINISHED_STATUSES } from './state';

export const RECTIFICATION_PAGE_SIZE = 25;

/** `unfinished` (open or in progress, the default), `overdue` (unfinished and past due), one status, or `all`. */
export const RECTIFICATION_VIEWS = ['unfinished', 'overdue', 'open', 'in_progress', 'done', 'verified', 'all'] as const;
export type RectificationView = (typeof RECTIFICATION_VIEWS)[number];

export interface RectificationFilter {
  view?: RectificationView;
  departmentId?: string;
}

const columns = {
  item: rectifications,
  department: { id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn },
  resource: { id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn },
};

/** The conditions of a filter, within what the viewer may see (a contact: their department only). */
function conditions(viewer: UserActor, filter: RectificationFilter, today: string): SQL | undefined {
  const view = filter.view ?? 'unfinished';
  const unfinished = inArray(rectifications.status, [...UNFINISHED_STATUSES]);
  const byView: Record<RectificationView, SQL | undefined> = {
    unfinished,
    overdue: and(unfinished, lt(rectifications.dueDate, today)),
    open: eq(rectifications.status, 'open'),
    in_progress: eq(rectifications.status, 'in_progress'),
    done: eq(rectifications.status, 'done'),
    verified: eq(rectifications.status, 'verified'),
    all: undefined,
  };
  const own = isDesk(viewer) ? undefined : eq(rectifications.ownerDepartmentId, contactDepartment(viewer)!);
  const department = filter.departmentId && isUuid(filter.departmentId) ? eq(rectifications.ownerDepartmentId, filter.departmentId) : undefined;
  return and(byView[view], own, department);
}

async function today(db: Db, now: Date): Promise<string> {
  return dayInZone(now, (await getSettings(db)).timeZone);
}

/** The screen's list: soonest due first, a page at a time, with the total. */
export async function listRectifications(db: Db, actor: Actor, filter: RectificationFilter & { page?: number; now?: Date } = {}) {
  const viewer = requireRectificationViewer(actor);
  const day = await today(db, filter.now ?? new Date());
  const where = conditions(viewer, filter, day);
  const [{ total }] = await db.select({ total: count() }).from(rectifications).where(where);
  const pageCount = Math.max(1, Math.ceil(total / RECTIFICATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(Number.isFinite(filter.page) ? filter.page! : 1)), pageCount);
  const rows = await db
    .select(columns)
    .from(rectifications)
    .innerJoin(departments, eq(departments.id, rectifications.ownerDepartmentId))
    .leftJoin(resources, eq(resources.id, rectifications.resourceId))
    .where(where)
    .orderBy(asc(rectifications.dueDate), asc(rectifications.id))
    .limit(RECTIFICATION_PAGE_SIZE)
    .offset((page - 1) * RECTIFICATION_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, overdue: isOverdue(r.item, day) })), total, page, pageCount, today: day };
}

export type RectificationListRow = Awaited<ReturnType<typeof listRectifications>>['rows'][number];

const cursorKey = z.tuple([z.string(), z.string()]);

/** The JSON API's list: the same filter and order, by cursor. */
export async function rectificationPage(
  db: Db,
  actor: Actor,
  filter: RectificationFilter & { cursor?: string; limit: number; now?: Date },
): Promise<Page<RectificationListRow>> {
  const viewer = requireRectificationViewer(actor);
  const day = await today(db, filter.now ?? new Date());
  const after = filter.cursor ? decodeCursor(filter.cursor, cursorKey) : undefined;
  const rows = await db
    .select(columns)
    .from(rectifications)
    .innerJoin(departments, eq(departments.id, rectifications.ownerDepartmentId))
    .leftJoin(resources, eq(resources.id, rectifications.resourceId))
    .where(
      and(
        conditions(viewer, filter, day),
        after && or(gt(rectifications.dueDate, after[0]), and(eq(rectifications.dueDate, after[0]), gt(rectifications.id, after[1]))),
      ),
    )
    .orderBy(asc(rectifications.dueDate), asc(rectifications.id))
    .limit(filter.limit + 1);
  return pageOf(
    rows.map((r) => ({ ...r, overdue: isOverdue(r.item, day) })),
    filter.limit,
    (r) => [r.item.dueDate, r.item.id],
  );
}

export function isOverdue(item: { status: RectificationStatus; dueDate: string }, today: string): boolean {
  return (UNFINISHED_STATUSES as readonly string[]).includes(item.status) && item.dueDate < today;
}

/** One item with its history (newest first) and what the viewer may do with it. */
export async function getRectification(db: Db, actor: Actor, itemId: string, now = new Date()) {
  const viewer = requireRectificationViewer(actor);
  if (!isUuid(itemId)) throw new DomainError('not_found');
  const [row] = await db
    .select({ ...columns, surveyBookingId: surveys.bookingId })
    .from(rectifications)
    .innerJoin(departments, eq(departments.id, rectifications.ownerDepartmentId))
    .leftJoin(resources, eq(resources.id, rectifications.resourceId))
    // A survey answer is shown on its booking's page: the item links there.
    .leftJoin(surveys, and(eq(rectifications.sourceKind, 'survey'), eq(surveys.id, rectifications.sourceId)))
    .where(eq(rectifications.id, itemId));
  const roles = row ? rectificationRoles(viewer, row.item) : [];
  if (!row || roles.length === 0) throw new DomainError('not_found');
  const [events, day] = await Promise.all([
    db.select().from(rectificationEvents).where(eq(rectificationEvents.rectificationId, itemId)).orderBy(desc(rectificationEvents.at), desc(rectificationEvents.id)),
    today(db, now),
  ]);
  return {
    ...row,
    events,
    overdue: isOverdue(row.item, day),
    nextStatuses: nextStatuses(row.item.status, roles),
    canReassign: roles.includes('desk'),
  };
}

/** Which of these sources already have items, by source id (a list page's "item opened" marks). */
export async function rectificationCounts(db: Db, kind: RectificationSource['kind'], ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ sourceId: rectifications.sourceId, n: count() })
    .from(rectifications)
    .where(and(eq(rectifications.sourceKind, kind), inArray(rectifications.sourceId, ids)))
    .groupBy(rectifications.sourceId);
  return new Map(rows.map((r) => [r.sourceId!, r.n]));
}

export interface RectificationPrefill {
  title: string;
  description: string;
  resourceId?: string;
}

/**
 * What a new item from `source` starts with: the damage report's or suggestion's text and
 * resource, the booking's resource; a survey answer its scores (the title, in the reader's
 * language, with the resource), its comment and the resource of the visit.
 */
export async function rectificationPrefill(db: Db, actor: Actor, source: RectificationSource, locale: AppLocale = 'zh'): Promise<RectificationPrefill | null> {
  requireServiceDesk(actor);
  const firstLine = (text: string) => text.split('\n')[0].slice(0, 200);
  switch (source.kind) {
    case 'incident': {
      const [row] = await db.select().from(incidents).where(eq(incidents.id, source.id));
      return row ? { title: firstLine(row.description), description: row.description, resourceId: row.resourceId } : null;
    }
    case 'suggestion': {
      const [row] = await db.select().from(feedback).where(eq(feedback.id, source.id));
      return row ? { title: firstLine(row.message), description: row.message, resourceId: row.resourceId ?? undefined } : null;
    }
    case 'booking': {
      const [row] = await db.select().from(bookings).where(eq(bookings.id, source.id));
      return row ? { title: '', description: `${row.reference} ${row.purpose}`.trim(), resourceId: row.resourceId } : null;
    }
    case 'survey': {
      const [row] = await db
        .select({ survey: surveys, reference: bookings.reference, resource: { id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn } })
        .from(surveys)
        .innerJoin(bookings, eq(bookings.id, surveys.bookingId))
        .innerJoin(resources, eq(resources.id, bookings.resourceId))
        .where(eq(surveys.id, source.id));
      if (!row) return null;
      const { survey, resource } = row;
      const t = translator(locale, 'rectifications.prefill') as unknown as Translate;
      const name = `${resource.code} ${localizedName(resource, locale)}`;
      return {
        title: survey.answeredAt
          ? t('surveyTitle', { resource: name, overall: survey.overall!, condition: survey.condition!, service: survey.service! })
          : t('surveyUnanswered', { resource: name }),
        description: [t('surveyDescription', { reference: row.reference }), survey.comment].filter(Boolean).join('\n\n'),
        resourceId: resource.id,
      };
    }
  }
}

