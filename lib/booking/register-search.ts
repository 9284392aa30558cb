/**
 * The register page's GET query (`/admin/bookings?q=&status=&resource=&type=&department=
 * &channel=&kind=&from=&to=&sort=&after=`), turned into the register's query, and back into the
 * export routes' query. Dates are days in the organisation's zone (`to` inclusive). A value that
 * does not parse is dropped: a hand-edited URL shows a wider list, never an error page.
 */
import { z } from 'zod';
import { bookingChannel, bookingStatus, requesterKind } from '@/db/schema';
import { decodeCursor, encodeCursor } from '@/lib/api/pagination';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import { isDomainError } from '@/lib/errors';
import { dayField } from '@/lib/validation/fields';
import { DEFAULT_REGISTER_SORT, REGISTER_SORTS, type RegisterAfter, type RegisterFilter, type RegisterSort } from './register';
import { STAFF_FIELD_MESSAGES } from './schemas';

export const REGISTER_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(first, schema.optional().catch(undefined));
const day = optional(dayField(STAFF_FIELD_MESSAGES));

const searchSchema = z.object({
  q: optional(z.string().trim().max(100)),
  status: optional(z.enum(bookingStatus.enumValues)),
  resource: optional(z.uuid()),
  type: optional(z.uuid()),
  department: optional(z.uuid()),
  channel: optional(z.enum(bookingChannel.enumValues)),
  kind: optional(z.enum(requesterKind.enumValues)),
  from: day,
  to: day,
  sort: z.preprocess(first, z.enum(REGISTER_SORTS).catch(DEFAULT_REGISTER_SORT)).default(DEFAULT_REGISTER_SORT),
  after: optional(z.string().max(500)),
});

export type RegisterSearch = z.output<typeof searchSchema>;

const cursorKey = z.tuple([z.enum(REGISTER_SORTS), z.string().min(1).max(64), z.uuid()]);

export function parseRegisterSearch(params: Record<string, string | string[] | undefined>): RegisterSearch {
  return searchSchema.parse(params);
}

/** The search as the register's filter; the days become the instants of their zone's midnights. */
export function registerFilterOf(search: RegisterSearch, timeZone: string): RegisterFilter {
  return {
    q: search.q || undefined,
    status: search.status,
    resourceId: search.resource,
    typeId: search.type,
    departmentId: search.department,
    channel: search.channel,
    requesterKind: search.kind,
    from: search.from ? zonedInstant(search.from, '00:00', timeZone) : undefined,
    to: search.to ? zonedInstant(addDays(search.to, 1), '00:00', timeZone) : undefined,
  };
}

/** Where the page starts; a cursor of another sort, or none that reads, starts at the top. */
export function registerAfterOf(search: RegisterSearch): RegisterAfter | undefined {
  if (!search.after) return undefined;
  try {
    const [sort, key, id] = decodeCursor(search.after, cursorKey);
    return sort === search.sort ? { key, id } : undefined;
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}

export function registerCursor(sort: RegisterSort, row: { sortKey: string; id: string }): string {
  return encodeCursor([sort, row.sortKey, row.id]);
}

/** The page's own query string for the search (without the page cursor), for links. */
export function registerSearchParams(search: RegisterSearch): URLSearchParams {
  const kept = Object.entries(search).filter(
    (e): e is [string, string] =>
      e[0] !== 'after' && typeof e[1] === 'string' && e[1] !== '' && !(e[0] === 'sort' && e[1] === DEFAULT_REGISTER_SORT),
  );
  return new URLSearchParams(kept);
}

/** The export routes' query for the same rows (their filter names are the JSON API's). */
export function exportParams(filter: RegisterFilter, sort: RegisterSort): URLSearchParams {
  const entries: [string, string | undefined][] = [
    ['q', filter.q],
    ['status', filter.status],
    ['resourceId', filter.resourceId],
    ['typeId', filter.typeId],
    ['department', filter.departmentId],
    ['channel', filter.channel],
    ['requesterKind', filter.requesterKind],
    ['from', filter.from?.toISOString()],
    ['to', filter.to?.toISOString()],
    ['sort', sort],
  ];
  return new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1])));
}
