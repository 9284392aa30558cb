/**
 * The service desk (客户服务部, policy II.3 and III.1): filing requests for customers who phoned
 * or wrote, finding customers and their bookings, marking important customers and special
 * needs, and the "to notify" list with the record of telling each customer (policy III.3).
 * Customer service and admin only; everything here concerns customer bookings only.
 */
import { and, asc, desc, eq, getTableColumns, gt, gte, notExists, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, customerContacts, type Booking, type BookingStatus } from '@/db/schema';
import { requireServiceDesk, type Actor, type UserActor } from '@/lib/authz';
import { recordEvent } from '@/lib/booking/events';
import { isUuid } from '@/lib/booking/ids';
import {
  bookingListWhere,
  listedSlotColumns,
  selectBookingList,
  type BookingListFilter,
  type ListedSlot,
} from '@/lib/booking/list-query';
import { parseInput } from '@/lib/booking/schemas';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { runTransition, type Authorize } from '@/lib/booking/transition';
import { DomainError } from '@/lib/errors';
import { insertDeskRequest } from '@/lib/booking/create-customer';
import {
  customerBookingFiltersSchema,
  customerContactSchema,
  customerSearchSchema,
  markImportantSchema,
  serviceDeskRequestSchema,
  V,
  type CustomerBookingFilters,
  type CustomerContactInput,
} from './schemas';

export type CustomerContact = typeof customerContacts.$inferSelect;

/** A request customer service types in for a customer who phoned or wrote. */
export async function fileCustomerRequest(
  db: Db,
  actor: Actor,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<Booking> {
  const user = requireServiceDesk(actor);
  const { holdsSlot, ...fields } = parseInput(serviceDeskRequestSchema, input);
  return insertDeskRequest(db, user, fields, { holdsSlot }, opts.now);
}

export interface CustomerBookingListItem extends ListedSlot {
  id: string;
  reference: string;
  status: BookingStatus;
  channel: Booking['channel'];
  priority: Booking['priority'];
  displacesBookingId: string | null;
  importantCustomer: boolean;
  holdsSlot: boolean;
  contactName: string;
  company: string | null;
  contactPhone: string;
  contactEmail: string | null;
  attendees: number | null;
  specialNeeds: string;
  confirmedAt: Date | null;
  submittedAt: Date;
}

const listColumns = {
  id: bookings.id,
  reference: bookings.reference,
  status: bookings.status,
  channel: bookings.channel,
  priority: bookings.priority,
  displacesBookingId: bookings.displacesBookingId,
  importantCustomer: bookings.importantCustomer,
  holdsSlot: bookings.holdsSlot,
  contactName: bookings.contactName,
  company: bookings.company,
  contactPhone: bookings.contactPhone,
  contactEmail: bookings.contactEmail,
  attendees: bookings.attendees,
  specialNeeds: bookings.specialNeeds,
  ...listedSlotColumns,
  confirmedAt: bookings.confirmedAt,
  submittedAt: bookings.submittedAt,
};

const LIST_LIMIT = 200;
const SEARCH_LIMIT = 50;

/** Customer bookings only, whatever else is asked. */
const customerBookings = (db: Db, filter: BookingListFilter, ...own: (SQL | undefined)[]) =>
  selectBookingList(db, listColumns).where(bookingListWhere(filter, eq(bookings.requesterKind, 'customer'), ...own));

/**
 * Customers and their bookings by name, company, phone, reference, e-mail or purpose
 * (case-insensitive, part of the value is enough): the list query's `q`.
 */
export async function searchCustomerBookings(
  db: Db,
  actor: Actor,
  q: string,
  filter: Pick<BookingListFilter, 'status'> = {},
): Promise<CustomerBookingListItem[]> {
  requireServiceDesk(actor);
  const { q: text } = parseInput(customerSearchSchema, { q });
  return customerBookings(db, { ...filter, q: text })
    .orderBy(desc(bookings.startAt))
    .limit(SEARCH_LIMIT);
}

/** Every customer booking, filtered; upcoming and recent first. */
export async function listCustomerBookings(
  db: Db,
  actor: Actor,
  filters: CustomerBookingFilters = {},
): Promise<CustomerBookingListItem[]> {
  requireServiceDesk(actor);
  return customerBookings(db, parseInput(customerBookingFiltersSchema, filters))
    .orderBy(desc(bookings.startAt))
    .limit(LIST_LIMIT);
}

/** Customer service or admin, on a customer booking; anything else is not found. */
function authorizeServiceDesk(actor: Actor): Authorize {
  const user = requireServiceDesk(actor);
  return async (_tx, booking) => {
    if (!booking || booking.requesterKind !== 'customer') throw new DomainError('not_found');
    return { booking, actor: user };
  };
}

/**
 * Marks an important customer and/or records special needs, while the booking is still live.
 * The review dashboard shows both; admin may send the request to department coordination.
 */
export async function markImportant(
  db: Db,
  actor: Actor,
  input: { bookingId: string; importantCustomer: boolean; specialNeeds?: string },
  opts: { now?: Date } = {},
): Promise<Booking> {
  const { bookingId, ...fields } = input;
  const { importantCustomer, specialNeeds } = parseInput(markImportantSchema, fields);
  return runTransition(db, {
    action: 'marked_important',
    from: HOLDING_STATUSES,
    bookingId,
    now: opts.now ?? new Date(),
    authorize: authorizeServiceDesk(actor),
    set: () => ({ importantCustomer, ...(specialNeeds !== undefined && { specialNeeds }) }),
    data: (booking) => ({
      importantCustomer: { from: booking.importantCustomer, to: importantCustomer },
      ...(specialNeeds !== undefined && { specialNeeds: { from: booking.specialNeeds, to: specialNeeds } }),
    }),
  });
}

/**
 * Confirmed customer bookings still ahead whose customer has not been told since the
 * confirmation (no contact recorded after it), soonest first.
 */
export async function toNotifyList(
  db: Db,
  actor: Actor,
  opts: { now?: Date } = {},
): Promise<CustomerBookingListItem[]> {
  requireServiceDesk(actor);
  const told = db
    .select({ one: sql`1` })
    .from(customerContacts)
    .where(and(eq(customerContacts.bookingId, bookings.id), gte(customerContacts.createdAt, bookings.confirmedAt)));
  return customerBookings(db, { status: 'confirmed' }, gt(bookings.endAt, opts.now ?? new Date()), notExists(told))
    .orderBy(asc(bookings.startAt))
    .limit(LIST_LIMIT);
}

/** Contacts may be recorded a little ahead of the server's clock, never in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Customer service records that (and how) it told the customer (policy III.3). */
export async function recordCustomerContact(
  db: Db,
  actor: Actor,
  input: { bookingId: string } & CustomerContactInput,
  opts: { now?: Date } = {},
): Promise<CustomerContact> {
  const user: UserActor = requireServiceDesk(actor);
  const { bookingId, ...fields } = input;
  const { method, contactedAt, note } = parseInput(customerContactSchema, fields);
  const now = opts.now ?? new Date();
  if (contactedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError('invalid_input', undefined, { fields: { contactedAt: [V.in_future] } });
  }
  return db.transaction(async (tx) => {
    const [booking] = isUuid(bookingId)
      ? await tx
          .select({ id: bookings.id, status: bookings.status })
          .from(bookings)
          .where(and(eq(bookings.id, bookingId), eq(bookings.requesterKind, 'customer')))
      : [];
    if (!booking) throw new DomainError('not_found');
    const [contact] = await tx
      .insert(customerContacts)
      .values({ bookingId, method, contactedAt, note: note ?? '', recordedById: user.id, createdAt: now })
      .returning();
    await recordEvent(tx, {
      bookingId,
      fromStatus: booking.status,
      toStatus: booking.status,
      action: 'customer_contacted',
      actor: user,
      note: note ?? null,
      data: { method, contactedAt: contactedAt.toISOString() },
    });
    return contact;
  });
}

/** The contacts recorded for a customer booking, newest first (the desk's booking page). */
export async function listCustomerContacts(db: Db, actor: Actor, bookingId: string): Promise<CustomerContact[]> {
  requireServiceDesk(actor);
  if (!isUuid(bookingId)) return [];
  return db
    .select(getTableColumns(customerContacts))
    .from(customerContacts)
    .innerJoin(bookings, eq(bookings.id, customerContacts.bookingId))
    .where(and(eq(customerContacts.bookingId, bookingId), eq(bookings.requesterKind, 'customer')))
    .orderBy(desc(customerContacts.contactedAt));
}
