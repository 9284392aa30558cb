/**
 * One query builder for every booking list (my bookings, admin's list and the JSON API, the
 * service desk's list and search, the review queue and its waiting list, the home page): the
 * filters are written here once, in SQL, and each list adds only its own columns, order and
 * extra conditions. A booking is "in [from, to)" when it overlaps the window.
 */
import { and, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { bookings, resources, type Booking, type BookingStatus } from '@/db/schema';
import type { BookingListScope } from '@/lib/authz';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import { isUuid } from './ids';

export interface BookingListFilter {
  status?: BookingStatus | readonly BookingStatus[];
  resourceId?: string;
  /** The resource's type. */
  typeId?: string;
  departmentId?: string;
  requesterKind?: Booking['requesterKind'];
  requesterUserId?: string;
  channel?: Booking['channel'];
  importantOnly?: boolean;
  /** Overlapping [from, to): ends at or after `from`, starts before `to`. */
  from?: Date;
  to?: Date;
  /** Starting within [startsFrom, startsBefore), e.g. one day in the organisation's zone (`dayBounds`). */
  startsFrom?: Date;
  startsBefore?: Date;
  /**
   * Part of the reference, applicant, company, e-mail, phone or purpose (case-insensitive); a
   * phone also matches whatever spaces or dashes either side used.
   */
  q?: string;
}

/** An id that is not a UUID matches nothing (instead of a database error on the cast). */
const sameId = (column: AnyPgColumn, id: string): SQL => (isUuid(id) ? eq(column, id) : sql`false`);

/** `%`, `_` and `\\` typed by a person are literal characters, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What a person types for a phone number: digits with the usual separators, nothing else. */
const PHONE_LIKE = /^[0-9+\s()-]+$/;

/**
 * The text search of `q`: a plain ILIKE on each field (a seek on the list's order stops it early).
 * A query that reads as a phone number also matches phones stored with other separators; only
 * then, because stripping every row's phone costs more than all the ILIKEs together.
 */
function textMatch(q: string): SQL {
  const pattern = containsPattern(q);
  const digits = PHONE_LIKE.test(q) ? q.replace(/[^0-9+]/g, '') : '';
  return or(
    ilike(bookings.reference, pattern),
    ilike(bookings.contactName, pattern),
    ilike(bookings.company, pattern),
    ilike(bookings.contactEmail, pattern),
    ilike(bookings.contactPhone, pattern),
    ilike(bookings.purpose, pattern),
    digits.length >= 4
      ? ilike(sql`regexp_replace(${bookings.contactPhone}, '[^0-9+]', '', 'g')`, containsPattern(digits))
      : undefined,
  )!;
}

/** What `bookingListScope` (lib/authz.ts) lets the actor list, as a condition. */
export function scopeWhere(scope: BookingListScope): SQL | undefined {
  if (scope.kind === 'customers') return eq(bookings.requesterKind, 'customer');
  if (scope.kind === 'own') return and(eq(bookings.requesterKind, 'staff'), eq(bookings.requesterUserId, scope.userId));
  return undefined;
}

/** The WHERE of a booking list: the filter, and any conditions of the list's own. */
export function bookingListWhere(filter: BookingListFilter, ...own: (SQL | undefined)[]): SQL | undefined {
  const f = filter;
  const statuses = f.status === undefined ? undefined : typeof f.status === 'string' ? [f.status] : f.status;
  return and(
    statuses ? inArray(bookings.status, [...statuses]) : undefined,
    f.resourceId ? sameId(bookings.resourceId, f.resourceId) : undefined,
    f.typeId ? sameId(resources.typeId, f.typeId) : undefined,
    f.departmentId ? sameId(bookings.departmentId, f.departmentId) : undefined,
    f.requesterKind ? eq(bookings.requesterKind, f.requesterKind) : undefined,
    f.requesterUserId ? sameId(bookings.requesterUserId, f.requesterUserId) : undefined,
    f.channel ? eq(bookings.channel, f.channel) : undefined,
    f.importantOnly ? eq(bookings.importantCustomer, true) : undefined,
    f.from ? gte(bookings.endAt, f.from) : undefined,
    f.to ? lt(bookings.startAt, f.to) : undefined,
    f.startsFrom ? gte(bookings.startAt, f.startsFrom) : undefined,
    f.startsBefore ? lt(bookings.startAt, f.startsBefore) : undefined,
    f.q?.trim() ? textMatch(f.q.trim()) : undefined,
    ...own,
  );
}

/** SELECT `fields` FROM bookings JOIN resources; the caller adds joins, `bookingListWhere`, order, limit. */
export function selectBookingList<T extends SelectedFields>(db: Db, fields: T) {
  return db.select(fields).from(bookings).innerJoin(resources, eq(resources.id, bookings.resourceId));
}

/** A calendar day ('YYYY-MM-DD') in the organisation's zone, as a `startsFrom`/`startsBefore` filter. */
export function dayBounds(day: string, timeZone: string): Pick<BookingListFilter, 'startsFrom' | 'startsBefore'> {
  return { startsFrom: zonedInstant(day, '00:00', timeZone), startsBefore: zonedInstant(addDays(day, 1), '00:00', timeZone) };
}

/** The resource and times every booking list shows. */
export interface ListedSlot {
  resourceId: string;
  resourceCode: string;
  resourceNameZh: string;
  resourceNameEn: string;
  startAt: Date;
  endAt: Date;
  confirmDeadline: Date | null;
}

export const listedSlotColumns = {
  resourceId: bookings.resourceId,
  resourceCode: resources.code,
  resourceNameZh: resources.nameZh,
  resourceNameEn: resources.nameEn,
  startAt: bookings.startAt,
  endAt: bookings.endAt,
  confirmDeadline: bookings.confirmDeadline,
};
