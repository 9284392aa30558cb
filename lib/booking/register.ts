/**
 * The all-bookings register (policy II.1: the administration department answers look-ups): one
 * keyset-paged, sorted, filtered list behind `/admin/bookings`, GET /api/v1/bookings and the
 * CSV/XLSX exports. The filters are the shared list query's (list-query.ts); who sees what is
 * `bookingListScope` (lib/authz.ts). A page is a seek on (sort column, id), so the millionth row
 * costs what the first does.
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, departments, resources, resourceTypes, type Booking, type BookingStatus } from '@/db/schema';
import { bookingListScope, requireServiceDesk, requireUser, type Actor } from '@/lib/authz';
import { bookingListWhere, listedSlotColumns, scopeWhere, selectBookingList, type BookingListFilter, type ListedSlot } from './list-query';

export const REGISTER_SORTS = ['-startAt', 'startAt', '-submittedAt', 'submittedAt'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];
export const DEFAULT_REGISTER_SORT: RegisterSort = '-startAt';

const sortColumn = (sort: RegisterSort) => (sort.endsWith('submittedAt') ? bookings.submittedAt : bookings.startAt);
const descending = (sort: RegisterSort) => sort.startsWith('-');

/** The filters the register offers (the list query's, minus the internal ones). */
export type RegisterFilter = Pick<
  BookingListFilter,
  'resourceId' | 'typeId' | 'departmentId' | 'requesterKind' | 'channel' | 'from' | 'to' | 'q'
> & { status?: BookingStatus };

/**
 * Where a page starts: just after the row whose sort value and id these are. The value is the
 * database's own text of the timestamp (microseconds included), so the seek is exact.
 */
export interface RegisterAfter {
  key: string;
  id: string;
}

export interface RegisterQuery {
  filter: RegisterFilter;
  sort: RegisterSort;
  after?: RegisterAfter;
  /** Rows wanted; one more is read to tell whether more follow. */
  limit: number;
}

export interface RegisterRow extends ListedSlot {
  id: string;
  reference: string;
  status: BookingStatus;
  requesterKind: Booking['requesterKind'];
  channel: Booking['channel'];
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  company: string | null;
  departmentId: string | null;
  departmentNameZh: string | null;
  departmentNameEn: string | null;
  typeNameZh: string;
  typeNameEn: string;
  purpose: string;
  attendees: number | null;
  submittedAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** The sort value as the database writes it: the next page's `after.key`. */
  sortKey: string;
}

const columns = (sort: RegisterSort) => ({
  id: bookings.id,
  reference: bookings.reference,
  status: bookings.status,
  requesterKind: bookings.requesterKind,
  channel: bookings.channel,
  contactName: bookings.contactName,
  contactPhone: bookings.contactPhone,
  contactEmail: bookings.contactEmail,
  company: bookings.company,
  departmentId: bookings.departmentId,
  departmentNameZh: departments.nameZh,
  departmentNameEn: departments.nameEn,
  typeNameZh: resourceTypes.nameZh,
  typeNameEn: resourceTypes.nameEn,
  purpose: bookings.purpose,
  attendees: bookings.attendees,
  ...listedSlotColumns,
  submittedAt: bookings.submittedAt,
  checkedInAt: bookings.checkedInAt,
  checkedOutAt: bookings.checkedOutAt,
  sortKey: sql<string>`(${sortColumn(sort)})::text`,
});

/** The rows of one page in a scope: at most `limit + 1`. */
async function registerRows(db: Db, scope: SQL | undefined, query: RegisterQuery): Promise<RegisterRow[]> {
  const { filter, sort, after, limit } = query;
  const column = sortColumn(sort);
  const seek: SQL | undefined = after
    ? descending(sort)
      ? sql`(${column}, ${bookings.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`
      : sql`(${column}, ${bookings.id}) > (${after.key}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const order = descending(sort) ? [desc(column), desc(bookings.id)] : [asc(column), asc(bookings.id)];
  return selectBookingList(db, columns(sort))
    .innerJoin(resourceTypes, eq(resourceTypes.id, resources.typeId))
    .leftJoin(departments, eq(departments.id, bookings.departmentId))
    .where(and(bookingListWhere(filter, scope), seek))
    .orderBy(...order)
    .limit(limit + 1);
}

/** The register and its exports: admin and customer service (customer bookings only); staff are refused. */
export function registerScope(actor: Actor): SQL | undefined {
  requireServiceDesk(actor);
  return scopeWhere(bookingListScope(actor));
}

/** A page of the register (`/admin/bookings`). */
export async function registerPage(db: Db, actor: Actor, query: RegisterQuery): Promise<RegisterRow[]> {
  return registerRows(db, registerScope(actor), query);
}

/**
 * A page of GET /api/v1/bookings: the register's rows for admin; for customer service the
 * customer bookings and their own requests (they book for themselves as staff do); for staff
 * their own requests.
 */
export async function listBookingsPage(db: Db, actor: Actor, query: RegisterQuery): Promise<RegisterRow[]> {
  const scope = bookingListScope(actor);
  const own = scopeWhere({ kind: 'own', userId: requireUser(actor).id });
  return registerRows(db, scope.kind === 'customers' ? or(scopeWhere(scope), own) : scopeWhere(scope), query);
}

/**
 * Every row of a filter in `batch`-sized pages (the exports): one seek per batch, so an export
 * of any size holds one batch in memory at a time. Authorized at the call, before any row is
 * read or any byte of an answer is sent.
 */
export function registerBatches(
  db: Db,
  actor: Actor,
  query: Omit<RegisterQuery, 'after' | 'limit'>,
  batch = 1000,
): AsyncGenerator<RegisterRow[]> {
  return batches(db, registerScope(actor), query, batch);
}

async function* batches(db: Db, scope: SQL | undefined, query: Omit<RegisterQuery, 'after' | 'limit'>, batch: number) {
  let after: RegisterAfter | undefined;
  for (;;) {
    const rows = await registerRows(db, scope, { ...query, after, limit: batch });
    const page = rows.slice(0, batch);
    if (page.length > 0) yield page;
    if (rows.length <= batch) return;
    const last = page[page.length - 1];
    after = { key: last.sortKey, id: last.id };
  }
}
