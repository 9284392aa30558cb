/** Read side of the booking workflow: lists, the booking page, the review queue, resources. */
import { aliasedTable, and, asc, desc, eq, gt, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  blackouts,
  bookingEvents,
  bookings,
  changeRequests,
  coordinationRequests,
  departments,
  resources,
  resourceTypes,
  users,
  type Booking,
  type BookingEvent,
  type BookingStatus,
  type ChangeRequest,
  type CoordinationRequest,
  type Department,
  type Resource,
  type ResourceType,
} from '@/db/schema';
import { assertCanView, requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { findAlternatives, type Alternative } from './alternatives';
import { loadPendingChange } from './change-requests';
import { isUuid } from './ids';
import { bookingListWhere, dayBounds, listedSlotColumns, selectBookingList, type BookingListFilter, type ListedSlot } from './list-query';
import { HOLDING_STATUSES, UNDER_REVIEW_STATUSES } from './state';

export interface BookingListItem extends ListedSlot {
  id: string;
  reference: string;
  status: BookingStatus;
  requesterKind: 'staff' | 'customer';
  contactName: string;
  purpose: string;
  submittedAt: Date;
}

const listColumns = {
  id: bookings.id,
  reference: bookings.reference,
  status: bookings.status,
  requesterKind: bookings.requesterKind,
  contactName: bookings.contactName,
  purpose: bookings.purpose,
  ...listedSlotColumns,
  submittedAt: bookings.submittedAt,
};

/** The filters of a person's own list (my bookings). */
export type BookingFilters = Pick<BookingListFilter, 'status' | 'resourceId' | 'requesterKind' | 'from' | 'to'> & {
  status?: BookingStatus;
};

/** A slice of a list in its order (newest start first): the rows after `after`'s key, at most `limit + 1`. */
export interface BookingListPage {
  after?: { startAt: Date; id: string };
  limit: number;
}

const listBookingsWhere = (db: Db, filter: BookingListFilter, page: BookingListPage | undefined, ...own: SQL[]) => {
  // Keyset on (start, id), both descending, so a page is cheap however deep it lies.
  const after = page?.after
    ? or(lt(bookings.startAt, page.after.startAt), and(eq(bookings.startAt, page.after.startAt), lt(bookings.id, page.after.id)))!
    : undefined;
  const query = selectBookingList(db, listColumns)
    .where(and(bookingListWhere(filter, ...own), after))
    .orderBy(desc(bookings.startAt), desc(bookings.id));
  return page ? query.limit(page.limit + 1) : query;
};

/** The signed-in user's own requests, newest start first, optionally filtered (and paged). */
export async function listMyBookings(
  db: Db,
  actor: Actor,
  filters: BookingFilters = {},
  page?: BookingListPage,
): Promise<BookingListItem[]> {
  const user = requireUser(actor);
  // Their own, whatever the filters say: those can only narrow the list.
  return listBookingsWhere(db, filters, page, eq(bookings.requesterKind, 'staff'), eq(bookings.requesterUserId, user.id));
}

export interface BookingDetail {
  booking: Booking;
  resource: Resource;
  resourceType: ResourceType;
  requester: { id: string; name: string; email: string; phone: string | null } | null;
  department: Department | null;
  events: (BookingEvent & { actorName: string | null })[];
  coordination: (CoordinationRequest & { department: Department; answeredByName: string | null })[];
  /** Admin, while under review: holding bookings and blackouts in this request's way. */
  conflicts?: { kind: 'booking' | 'blackout'; id: string; reference: string | null; startAt: Date; endAt: Date }[];
  /** Admin, when there are conflicts: where the request could go instead. */
  alternatives?: Alternative[];
  /** The change request waiting for admin's decision (its slot is held meanwhile). */
  pendingChange: ChangeRequest | null;
}

/** The booking page. A booking the actor may not see is `not_found`. */
export async function getBookingDetail(
  db: Db,
  actor: Actor,
  bookingId: string,
  opts: { now?: Date } = {},
): Promise<BookingDetail> {
  const [row] = isUuid(bookingId)
    ? await db
        .select({ booking: bookings, resource: resources, resourceType: resourceTypes, department: departments })
        .from(bookings)
        .innerJoin(resources, eq(resources.id, bookings.resourceId))
        .innerJoin(resourceTypes, eq(resourceTypes.id, resources.typeId))
        .leftJoin(departments, eq(departments.id, bookings.departmentId))
        .where(eq(bookings.id, bookingId))
    : [];
  const booking = assertCanView(actor, row?.booking);
  const actorUser = aliasedTable(users, 'actor_user');
  const answeredBy = aliasedTable(users, 'answered_by');
  const [requester, events, coordination, pendingChange] = await Promise.all([
    booking.requesterUserId
      ? db
          .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
          .from(users)
          .where(eq(users.id, booking.requesterUserId))
          .then((r) => r[0] ?? null)
      : null,
    db
      .select({ event: bookingEvents, actorName: actorUser.name })
      .from(bookingEvents)
      .leftJoin(actorUser, eq(actorUser.id, bookingEvents.actorUserId))
      .where(eq(bookingEvents.bookingId, booking.id))
      .orderBy(asc(bookingEvents.createdAt)),
    db
      .select({ request: coordinationRequests, department: departments, answeredByName: answeredBy.name })
      .from(coordinationRequests)
      .innerJoin(departments, eq(departments.id, coordinationRequests.departmentId))
      .leftJoin(answeredBy, eq(answeredBy.id, coordinationRequests.answeredById))
      .where(eq(coordinationRequests.bookingId, booking.id))
      .orderBy(asc(coordinationRequests.createdAt)),
    loadPendingChange(db, booking.id),
  ]);
  const detail: BookingDetail = {
    booking,
    resource: row.resource,
    resourceType: row.resourceType,
    requester,
    department: row.department,
    events: events.map((e) => ({ ...e.event, actorName: e.actorName })),
    coordination: coordination.map((c) => ({ ...c.request, department: c.department, answeredByName: c.answeredByName })),
    pendingChange: pendingChange ?? null,
  };
  const underReview = (UNDER_REVIEW_STATUSES as readonly BookingStatus[]).includes(booking.status);
  if (actor.kind === 'user' && actor.role === 'admin' && underReview) {
    detail.conflicts = await findConflicts(db, booking, row.resource);
    if (detail.conflicts.length > 0) {
      detail.alternatives = await findAlternatives(
        db,
        { ...booking, excludeBookingId: booking.id },
        { now: opts.now, notice: 'override' },
      );
    }
  }
  return detail;
}

/** What stands in the way of a request's slot (its buffers included). */
async function findConflicts(db: Db, booking: Booking, resource: Resource): Promise<NonNullable<BookingDetail['conflicts']>> {
  const holdStart = new Date(booking.startAt.getTime() - resource.setupBufferMinutes * 60_000);
  const holdEnd = new Date(booking.endAt.getTime() + resource.cleanupBufferMinutes * 60_000);
  const [held, blocked] = await Promise.all([
    db
      .select({ id: bookings.id, reference: bookings.reference, startAt: bookings.startAt, endAt: bookings.endAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.resourceId, booking.resourceId),
          ne(bookings.id, booking.id),
          eq(bookings.holdsSlot, true),
          inArray(bookings.status, [...HOLDING_STATUSES]),
          lt(bookings.holdStart, holdEnd),
          gt(bookings.holdEnd, holdStart),
        ),
      ),
    db
      .select({ id: blackouts.id, startAt: blackouts.startAt, endAt: blackouts.endAt })
      .from(blackouts)
      .where(and(eq(blackouts.resourceId, booking.resourceId), lt(blackouts.startAt, holdEnd), gt(blackouts.endAt, holdStart))),
  ]);
  return [
    ...held.map((b) => ({ kind: 'booking' as const, ...b })),
    ...blocked.map((b) => ({ kind: 'blackout' as const, reference: null, ...b })),
  ];
}

export interface ReviewQueueFilters {
  resourceId?: string;
  typeId?: string;
  departmentId?: string;
  /** 'YYYY-MM-DD': requests starting that day in the organisation's zone. */
  date?: string;
}

export interface ReviewQueueItem {
  /** Place in the whole queue (filters do not renumber it). */
  position: number;
  /** Why it stands there: a displacement request, a customer, or first come first served. */
  reason: 'priority' | 'customer' | 'fifo';
  booking: Booking;
  resource: Resource;
  /** A change request on the booking (null: the booking itself is the new request to decide). */
  change: ChangeRequest | null;
}

interface QueueEntry {
  bookingId: string;
  change: ChangeRequest | null;
  priority: Booking['priority'];
  requesterKind: Booking['requesterKind'];
  /** When it joined the queue: the request's submission, or the change request's. */
  at: Date;
  reference: string;
}

/** Policy I.4: displacement requests, then customers, then first come first served. */
function queueOrder(a: QueueEntry, b: QueueEntry): number {
  const rank = (e: QueueEntry) => (e.priority === 'priority' ? 0 : e.requesterKind === 'customer' ? 1 : 2);
  return rank(a) - rank(b) || a.at.getTime() - b.at.getTime() || a.reference.localeCompare(b.reference);
}

/** A slice of a list: `limit` entries from `offset` (0-based). */
export interface ListWindow {
  offset: number;
  limit: number;
}

/**
 * What admin decides, in the order admin handles it (policy I.4): pending requests and pending
 * change requests side by side, displacement requests first, then customers, then everyone by
 * when they asked. Places are counted over the whole queue before the filters apply, so a
 * filtered view keeps each entry's real place. The order is decided on a few columns of every
 * entry; full rows are read only for the `window` shown (all of them without one), so a long
 * queue costs one light look-up, not a page of every request. `window` may depend on the
 * queue's length (a page number clamped to the last page).
 */
export async function reviewQueueWindow(
  db: Db,
  actor: Actor,
  filters: ReviewQueueFilters = {},
  window?: ListWindow | ((total: number) => Promise<ListWindow>),
): Promise<{ items: ReviewQueueItem[]; total: number }> {
  requireAdmin(actor);
  const { date, ...rest } = filters;
  const day = date ? dayBounds(date, (await getSettings(db)).timeZone) : {};
  const filtered = Object.values({ ...rest, ...day }).some(Boolean);
  const columns = { priority: bookings.priority, requesterKind: bookings.requesterKind, reference: bookings.reference };
  const inQueue = sql`(${bookings.status} = 'pending' OR ${bookings.id} IN (SELECT ${changeRequests.bookingId} FROM ${changeRequests} WHERE ${changeRequests.status} = 'pending'))`;
  const [requests, changes, matching] = await Promise.all([
    db
      .select({ bookingId: bookings.id, at: bookings.submittedAt, ...columns })
      .from(bookings)
      .where(eq(bookings.status, 'pending')),
    db
      .select({ bookingId: bookings.id, change: changeRequests, ...columns })
      .from(changeRequests)
      .innerJoin(bookings, eq(bookings.id, changeRequests.bookingId))
      .where(eq(changeRequests.status, 'pending')),
    filtered ? selectBookingList(db, { id: bookings.id }).where(bookingListWhere({ ...rest, ...day }, inQueue)) : null,
  ]);
  const matches = matching && new Set(matching.map((m) => m.id));
  const queue = [
    ...requests.map((r): QueueEntry => ({ ...r, change: null })),
    ...changes.map((c): QueueEntry => ({ ...c, at: c.change.createdAt })),
  ]
    .sort(queueOrder)
    .map((entry, index) => ({ ...entry, position: index + 1 }))
    .filter((entry) => !matches || matches.has(entry.bookingId));
  const slice = typeof window === 'function' ? await window(queue.length) : window;
  const shown = slice ? queue.slice(slice.offset, slice.offset + slice.limit) : queue;
  if (shown.length === 0) return { items: [], total: queue.length };
  const rows = await selectBookingList(db, { booking: bookings, resource: resources }).where(
    inArray(bookings.id, [...new Set(shown.map((e) => e.bookingId))]),
  );
  const byId = new Map(rows.map((r) => [r.booking.id, r]));
  const items = shown.flatMap((entry) => {
    const row = byId.get(entry.bookingId);
    if (!row) return [];
    const { booking, resource } = row;
    const reason = booking.priority === 'priority' ? 'priority' : booking.requesterKind === 'customer' ? 'customer' : 'fifo';
    return [{ position: entry.position, reason, booking, resource, change: entry.change } satisfies ReviewQueueItem];
  });
  return { items, total: queue.length };
}

/** The whole review queue (reviewQueueWindow without a window). */
export async function reviewQueue(db: Db, actor: Actor, filters: ReviewQueueFilters = {}): Promise<ReviewQueueItem[]> {
  return (await reviewQueueWindow(db, actor, filters)).items;
}

export type ResourceWithType = Resource & { type: ResourceType };

/** Resources for pickers and the public page; retired ones only when asked. */
export async function listResources(
  db: Db,
  opts: { customerBookableOnly?: boolean; includeRetired?: boolean } = {},
): Promise<ResourceWithType[]> {
  const rows = await db
    .select({ resource: resources, type: resourceTypes })
    .from(resources)
    .innerJoin(resourceTypes, eq(resourceTypes.id, resources.typeId))
    .where(
      and(
        opts.customerBookableOnly ? eq(resources.customerBookable, true) : undefined,
        opts.includeRetired ? undefined : ne(resources.state, 'retired'),
      ),
    )
    .orderBy(asc(resourceTypes.sortOrder), asc(resources.code));
  return rows.map((r) => ({ ...r.resource, type: r.type }));
}

export interface CoordinationInboxItem {
  request: CoordinationRequest;
  department: Department;
  booking: Pick<
    Booking,
    'id' | 'reference' | 'status' | 'startAt' | 'endAt' | 'purpose' | 'attendees' | 'specialNeeds' | 'company' | 'requesterKind'
  >;
  resource: Pick<Resource, 'id' | 'code' | 'nameZh' | 'nameEn' | 'location' | 'locationEn'>;
}

/** A department contact's coordination requests (admin sees every department's), open first. */
export async function coordinationInbox(db: Db, actor: Actor): Promise<CoordinationInboxItem[]> {
  const user = requireUser(actor);
  const isAdmin = user.role === 'admin';
  const departmentId = user.isDepartmentContact ? user.departmentId : null;
  if (!isAdmin && !departmentId) throw new DomainError('forbidden');
  const rows = await db
    .select({
      request: coordinationRequests,
      department: departments,
      booking: {
        id: bookings.id,
        reference: bookings.reference,
        status: bookings.status,
        startAt: bookings.startAt,
        endAt: bookings.endAt,
        purpose: bookings.purpose,
        attendees: bookings.attendees,
        specialNeeds: bookings.specialNeeds,
        company: bookings.company,
        requesterKind: bookings.requesterKind,
      },
      resource: {
        id: resources.id,
        code: resources.code,
        nameZh: resources.nameZh,
        nameEn: resources.nameEn,
        location: resources.location,
        locationEn: resources.locationEn,
      },
    })
    .from(coordinationRequests)
    .innerJoin(departments, eq(departments.id, coordinationRequests.departmentId))
    .innerJoin(bookings, eq(bookings.id, coordinationRequests.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(isAdmin || !departmentId ? undefined : eq(coordinationRequests.departmentId, departmentId))
    .orderBy(sql`${coordinationRequests.answer} IS NULL DESC`, desc(coordinationRequests.createdAt));
  return rows;
}
