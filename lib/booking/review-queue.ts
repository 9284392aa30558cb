/**
 * The review dashboard's lists. The queue itself — what admin handles next, and why — is the
 * booking domain's `reviewQueue` (pending requests and pending change requests). Requests waiting for the applicant
 * to supply information (`needs_info`) are not in the queue: they are listed apart, without a
 * place, until the applicant answers and they return to `pending`.
 */
import { and, asc, count, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookings, coordinationRequests, resources, type Booking, type ChangeRequest, type Resource } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { bookingListWhere, dayBounds, selectBookingList } from './list-query';
import { STAFF_FIELD_MESSAGES } from './schemas';
import { dayField } from '@/lib/validation/fields';
import { reviewQueueWindow, type ListWindow, type ReviewQueueFilters } from './queries';
import { getSettings } from '@/lib/settings';

export const REVIEW_TABS = ['pending', 'needs_info', 'open'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

export interface ReviewRow {
  /** Place in the queue; null for a request waiting for information. */
  position: number | null;
  reason: 'priority' | 'customer' | 'fifo' | 'waiting';
  booking: Booking;
  resource: Resource;
  /** A department was asked to coordinate and has not answered yet. */
  coordinationOpen: boolean;
  /** A change request to decide (the booking itself was decided before). */
  change: ChangeRequest | null;
}

/** The shown tab's page of rows, and how many each tab holds. */
export interface ReviewLists {
  rows: ReviewRow[];
  counts: Record<ReviewTab, number>;
  /** 1-based; a page past the end is answered with the last one. */
  page: number;
  pageCount: number;
}

/** Cards per page: the queue may hold thousands of requests at a large install. */
export const REVIEW_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// A filter that does not parse is dropped: a hand-edited URL shows the unfiltered list, never an error page.
const optionalId = z.preprocess(first, z.uuid().optional().catch(undefined));

const searchSchema = z.object({
  tab: z.preprocess(first, z.enum(REVIEW_TABS).catch('pending')),
  resource: optionalId,
  type: optionalId,
  department: optionalId,
  date: z.preprocess(first, dayField(STAFF_FIELD_MESSAGES).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).catch(1)).optional(),
});

export interface ReviewSearch {
  tab: ReviewTab;
  filters: ReviewQueueFilters;
  page: number;
}

/** The dashboard's GET query (`?tab=&resource=&type=&department=&date=&page=`). */
export function parseReviewSearch(params: Record<string, string | string[] | undefined>): ReviewSearch {
  const { tab, resource, type, department, date, page } = searchSchema.parse(params);
  return { tab, filters: { resourceId: resource, typeId: type, departmentId: department, date }, page: page ?? 1 };
}

/**
 * One page of the tab shown (the "open" tab is the queue followed by the waiting list), filtered
 * alike, and every tab's count. The number of statements does not grow with the lists.
 */
export async function loadReviewLists(
  db: Db,
  actor: Actor,
  search: { tab: ReviewTab; filters: ReviewQueueFilters; page?: number },
): Promise<ReviewLists> {
  requireAdmin(actor);
  const { tab, filters } = search;
  const waitingCount = countWaiting(db, filters);
  // Awaited below; this only keeps a failure from being reported as unhandled meanwhile.
  waitingCount.catch(() => {});
  let paging = { counts: { pending: 0, needs_info: 0, open: 0 } as Record<ReviewTab, number>, page: 1, pageCount: 1, offset: 0 };
  // The queue's length is known only inside its look-up: the page is placed there.
  const { items: queue } = await reviewQueueWindow(db, actor, filters, async (queued) => {
    const waitingTotal = await waitingCount;
    const counts = { pending: queued, needs_info: waitingTotal, open: queued + waitingTotal };
    const pageCount = Math.max(1, Math.ceil(counts[tab] / REVIEW_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.trunc(search.page ?? 1)), pageCount);
    paging = { counts, page, pageCount, offset: (page - 1) * REVIEW_PAGE_SIZE };
    return tab === 'needs_info' ? { offset: 0, limit: 0 } : { offset: paging.offset, limit: REVIEW_PAGE_SIZE };
  });
  await waitingCount;
  const { counts, page, pageCount, offset } = paging;
  // For "open" the waiting list continues where the queue ends.
  const waitingOffset = tab === 'needs_info' ? offset : Math.max(0, offset - counts.pending);
  const waitingLimit = tab === 'pending' ? 0 : REVIEW_PAGE_SIZE - queue.length;
  const waiting = waitingLimit > 0 ? await waitingForInformation(db, filters, { offset: waitingOffset, limit: waitingLimit }) : [];
  const open = await openCoordination(db, [...queue.map((q) => q.booking.id), ...waiting.map((w) => w.booking.id)]);
  return {
    rows: [
      ...queue.map((q): ReviewRow => ({ ...q, coordinationOpen: open.has(q.booking.id) })),
      ...waiting.map((w): ReviewRow => ({ ...w, position: null, reason: 'waiting', coordinationOpen: open.has(w.booking.id), change: null })),
    ],
    counts,
    page,
    pageCount,
  };
}

async function waitingWhere(db: Db, filters: ReviewQueueFilters) {
  const { date, ...rest } = filters;
  const day = date ? dayBounds(date, (await getSettings(db)).timeZone) : {};
  return bookingListWhere({ ...rest, ...day, status: 'needs_info' });
}

async function countWaiting(db: Db, filters: ReviewQueueFilters): Promise<number> {
  const [{ total }] = await selectBookingList(db, { total: count() }).where(await waitingWhere(db, filters));
  return total;
}

/** `needs_info` requests, longest waiting first, filtered as the queue is. */
async function waitingForInformation(db: Db, filters: ReviewQueueFilters, window: ListWindow) {
  return selectBookingList(db, { booking: bookings, resource: resources })
    .where(await waitingWhere(db, filters))
    .orderBy(asc(bookings.updatedAt), asc(bookings.reference))
    .limit(window.limit)
    .offset(window.offset);
}

async function openCoordination(db: Db, bookingIds: string[]): Promise<Set<string>> {
  if (bookingIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ bookingId: coordinationRequests.bookingId })
    .from(coordinationRequests)
    .where(and(inArray(coordinationRequests.bookingId, bookingIds), isNull(coordinationRequests.answer)));
  return new Set(rows.map((r) => r.bookingId));
}
