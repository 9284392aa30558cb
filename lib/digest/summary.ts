/**
 * What the morning digest tells admin about a day in the organisation's zone: the day's bookings
 * resource by resource, the requests waiting for a decision, and what is overdue — requests
 * still undecided although their time has come (starting today or earlier), and bookings still
 * in use past their end (nobody checked out). Three statements, each bounded; the same summary
 * goes to every recipient and every group bot of the day.
 */
import { and, asc, count, eq, gte, inArray, lt, lte, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type BookingStatus } from '@/db/schema';
import type { DigestResource, DigestSummary } from '@/emails/daily-digest';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';

export type { DigestSummary } from '@/emails/daily-digest';

/** Enough for a working day of every resource; a longer list says how many were left out. */
const MAX_ROWS = 200;
/** The waiting requests are listed oldest first up to this many, and counted in full. */
const MAX_PENDING = 20;
/** Undecided requests whose time passed up to this many days ago count as overdue; older ones are history. */
const OVERDUE_DAYS = 7;

/** The statuses of a booking that takes place (or is about to, once confirmed). */
const SCHEDULED: BookingStatus[] = ['awaiting_confirmation', 'confirmed', 'in_use', 'completed'];
const UNDECIDED: BookingStatus[] = ['pending', 'needs_info'];

const itemColumns = {
  reference: bookings.reference,
  resourceZh: resources.nameZh,
  resourceEn: resources.nameEn,
  startAt: bookings.startAt,
  endAt: bookings.endAt,
  status: bookings.status,
};

const toItem = <T extends { startAt: Date; endAt: Date }>(row: T) => ({ ...row, startAt: row.startAt.toISOString(), endAt: row.endAt.toISOString() });

export async function digestSummary(db: Db, day: string, timeZone: string, now: Date): Promise<DigestSummary> {
  const dayStart = zonedInstant(day, '00:00', timeZone);
  const dayEnd = zonedInstant(addDays(day, 1), '00:00', timeZone);

  const [today, [{ pendingCount }], pending, overdue] = await Promise.all([
    db
      .select({ ...itemColumns, code: resources.code, contactName: bookings.contactName })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(and(inArray(bookings.status, SCHEDULED), gte(bookings.startAt, dayStart), lt(bookings.startAt, dayEnd)))
      .orderBy(asc(resources.code), asc(bookings.startAt))
      .limit(MAX_ROWS + 1),
    db.select({ pendingCount: count() }).from(bookings).where(inArray(bookings.status, UNDECIDED)),
    db
      .select(itemColumns)
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(and(inArray(bookings.status, UNDECIDED), gte(bookings.startAt, dayEnd)))
      .orderBy(asc(bookings.submittedAt))
      .limit(MAX_PENDING),
    db
      .select(itemColumns)
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(
        or(
          // Undecided although its time has come; the request's day is today or already past.
          and(inArray(bookings.status, UNDECIDED), lt(bookings.startAt, dayEnd), gte(bookings.endAt, new Date(dayStart.getTime() - OVERDUE_DAYS * 86_400_000))),
          and(eq(bookings.status, 'in_use'), lte(bookings.endAt, now)),
        ),
      )
      .orderBy(asc(bookings.startAt))
      .limit(MAX_ROWS),
  ]);

  const byResource = new Map<string, DigestResource>();
  for (const row of today.slice(0, MAX_ROWS)) {
    const { code, contactName, ...item } = row;
    const entry = byResource.get(code) ?? { code, nameZh: row.resourceZh, nameEn: row.resourceEn, bookings: [] };
    entry.bookings.push({ ...toItem(item), contactName });
    byResource.set(code, entry);
  }
  return {
    day,
    timeZone,
    resources: [...byResource.values()],
    moreBookings: today.length > MAX_ROWS,
    pendingCount,
    pending: pending.map(toItem),
    overdue: overdue.map((row) => ({ ...toItem(row), reason: row.status === 'in_use' ? 'not_checked_out' : 'undecided' })),
  };
}
