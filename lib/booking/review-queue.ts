/**
 * The review dashboard's lists. The queue itself — what admin handles next, and why — is the
 * booking domain's `reviewQueue` (pending requests and pending change requests). Requests waiting for the applicant
 * to supply information (`needs_info`) are not in the queue: they are listed apart, without a
 * place, until the applicant answers and they return to `pending`.
 */
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookings, coordinationRequests, resources, type Booking, type ChangeRequest, type Resource } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { bookingListWhere, dayBounds, selectBookingList } from './list-query';
import { STAFF_FIELD_MESSAGES } from './schemas';
import { dayField } from '@/lib/validation/fields';
import { reviewQueue, type ReviewQueueFilters } from './queries';
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

export interface ReviewLists {
  queue: ReviewRow[];
  waiting: ReviewRow[];
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// A filter that does not parse is dropped: a hand-edited URL shows the unfiltered list, never an error page.
const optionalId = z.preprocess(first, z.uuid().optional().catch(undefined));

const searchSchema = z.object({
  tab: z.preprocess(first, z.enum(REVIEW_TABS).catch('pending')),
  resource: optionalId,
  type: optionalId,
  department: optionalId,
  date: z.preprocess(first, dayField(STAFF_FIELD_MESSAGES).optional().catch(undefined)),
});

export interface ReviewSearch {
  tab: ReviewTab;
  filters: ReviewQueueFilters;
}

/** The dashboard's GET query (`?tab=&resource=&type=&department=&date=`). */
export function parseReviewSearch(params: Record<string, string | string[] | undefined>): ReviewSearch {
  const { tab, resource, type, department, date } = searchSchema.parse(params);
  return { tab, filters: { resourceId: resource, typeId: type, departmentId: department, date } };
}

/** Both lists, filtered alike; the page shows one or both by tab and counts each. */
export async function loadReviewLists(db: Db, actor: Actor, filters: ReviewQueueFilters): Promise<ReviewLists> {
  requireAdmin(actor);
  const [queued, waiting] = await Promise.all([reviewQueue(db, actor, filters), waitingForInformation(db, filters)]);
  const open = await openCoordination(db, [...queued.map((q) => q.booking.id), ...waiting.map((w) => w.booking.id)]);
  return {
    queue: queued.map((q) => ({ ...q, coordinationOpen: open.has(q.booking.id) })),
    waiting: waiting.map((w) => ({ ...w, position: null, reason: 'waiting', coordinationOpen: open.has(w.booking.id), change: null })),
  };
}

/** `needs_info` requests, longest waiting first, filtered as the queue is. */
async function waitingForInformation(db: Db, filters: ReviewQueueFilters) {
  const { date, ...rest } = filters;
  const day = date ? dayBounds(date, (await getSettings(db)).timeZone) : {};
  return selectBookingList(db, { booking: bookings, resource: resources })
    .where(bookingListWhere({ ...rest, ...day, status: 'needs_info' }))
    .orderBy(asc(bookings.updatedAt), asc(bookings.reference));
}

async function openCoordination(db: Db, bookingIds: string[]): Promise<Set<string>> {
  if (bookingIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ bookingId: coordinationRequests.bookingId })
    .from(coordinationRequests)
    .where(and(inArray(coordinationRequests.bookingId, bookingIds), isNull(coordinationRequests.answer)));
  return new Set(rows.map((r) => r.bookingId));
}
