/**
 * The printable day or week of bookings per resource (`/admin/bookings/print`): for the door or
 * for reception. Admin only. The bookings a calendar shows (held, in use, completed), read with
 * the shared list query; one statement for every resource printed.
 */
import { asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { bookings, departments, resources, type BookingStatus, type Resource } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { addDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import { dayField } from '@/lib/validation/fields';
import { bookingListWhere, selectBookingList } from './list-query';
import { STAFF_FIELD_MESSAGES } from './schemas';
import { HOLDING_STATUSES } from './state';

/** What a printed sheet lists: what still happens or happened, not what was called off. */
const PRINTED_STATUSES: readonly BookingStatus[] = [...HOLDING_STATUSES, 'completed'];

export const PRINT_RANGES = ['day', 'week'] as const;
export type PrintRange = (typeof PRINT_RANGES)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchSchema = z.object({
  resource: z.preprocess(first, z.uuid().optional().catch(undefined)),
  date: z.preprocess(first, dayField(STAFF_FIELD_MESSAGES).optional().catch(undefined)),
  range: z.preprocess(first, z.enum(PRINT_RANGES).catch('day')).default('day'),
});
export type PrintSearch = z.output<typeof searchSchema>;

export const parsePrintSearch = (params: Record<string, string | string[] | undefined>): PrintSearch => searchSchema.parse(params);

export interface PrintedBooking {
  id: string;
  reference: string;
  status: BookingStatus;
  requesterKind: 'staff' | 'customer';
  contactName: string;
  company: string | null;
  departmentNameZh: string | null;
  departmentNameEn: string | null;
  purpose: string;
  attendees: number | null;
  startAt: Date;
  endAt: Date;
}

export interface PrintSheet {
  /** The days printed ('YYYY-MM-DD', organisation zone). */
  days: string[];
  timeZone: string;
  sections: { resource: Resource; bookings: PrintedBooking[] }[];
}

/** Monday of the day's week. */
function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The sheet of one resource (or every resource in service that has bookings) for a day, or for
 * the Monday-to-Sunday week around it; today when no date is given.
 */
export async function loadPrintSheet(db: Db, actor: Actor, search: PrintSearch, opts: { now?: Date } = {}): Promise<PrintSheet> {
  requireAdmin(actor);
  const { timeZone } = await getSettings(db);
  const date = search.date ?? dayInZone(opts.now ?? new Date(), timeZone);
  const firstDay = search.range === 'week' ? weekStart(date) : date;
  const days = Array.from({ length: search.range === 'week' ? 7 : 1 }, (_, i) => addDays(firstDay, i));
  const from = zonedInstant(firstDay, '00:00', timeZone);
  const to = zonedInstant(addDays(days[days.length - 1], 1), '00:00', timeZone);
  const [listed, rows] = await Promise.all([
    db
      .select()
      .from(resources)
      .where(search.resource ? eq(resources.id, search.resource) : ne(resources.state, 'retired'))
      .orderBy(asc(resources.code)),
    selectBookingList(db, {
      id: bookings.id,
      resourceId: bookings.resourceId,
      reference: bookings.reference,
      status: bookings.status,
      requesterKind: bookings.requesterKind,
      contactName: bookings.contactName,
      company: bookings.company,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      purpose: bookings.purpose,
      attendees: bookings.attendees,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
    })
      .leftJoin(departments, eq(departments.id, bookings.departmentId))
      .where(bookingListWhere({ resourceId: search.resource, status: PRINTED_STATUSES, from, to }))
      .orderBy(asc(bookings.startAt), asc(bookings.reference)),
  ]);
  // A booking ending exactly at the first midnight is not on the sheet.
  const onSheet = rows.filter((b) => b.endAt > from);
  const sections = listed
    .map((resource) => ({ resource, bookings: onSheet.filter((b) => b.resourceId === resource.id) }))
    // Without a chosen resource, only those with something to print.
    .filter((s) => search.resource || s.bookings.length > 0);
  return { days, timeZone, sections };
}
