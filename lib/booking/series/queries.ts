/**
 * One series as its page and the API show it: the rule, the applicant, and every occurrence
 * (each an ordinary booking) in order. Only the applicant and admin may see it; anyone else
 * gets `not_found`, whether it exists or not.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type Booking, type BookingSeries, type BookingStatus } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { isUuid } from '../ids';
import { loadSeriesRow } from './occurrences';

export interface SeriesDetail {
  series: BookingSeries;
  requesterName: string;
  resource: { id: string; code: string; nameZh: string; nameEn: string };
  occurrences: Booking[];
}

/** The series row, if the actor may act on it: its applicant, or admin. */
export async function authorizeSeries(db: Db, actor: Actor, seriesId: string) {
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated');
  const row = isUuid(seriesId) ? await loadSeriesRow(db, seriesId) : undefined;
  const allowed =
    row && (actor.kind === 'system' || (actor.kind === 'user' && (actor.role === 'admin' || actor.id === row.series.requesterUserId)));
  if (!allowed) throw new DomainError('not_found');
  return row;
}

export async function getSeries(db: Db, actor: Actor, seriesId: string): Promise<SeriesDetail> {
  const { series, requesterName } = await authorizeSeries(db, actor, seriesId);
  const [resource] = await db
    .select({ id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn })
    .from(resources)
    .where(eq(resources.id, series.resourceId));
  return { series, requesterName, resource, occurrences: await seriesBookings(db, series.id) };
}

/** The series' bookings in occurrence order; `statuses` and `where` narrow them. */
export function seriesBookings(db: Db, seriesId: string, statuses?: readonly BookingStatus[], where?: SQL): Promise<Booking[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.seriesId, seriesId), statuses ? inArray(bookings.status, [...statuses]) : undefined, where))
    .orderBy(asc(bookings.occurrenceNo));
}
