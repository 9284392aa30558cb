/**
 * What anyone on the internet may read (product rule 12): the customer-bookable resources
 * without internal fields, the policy values a booking form needs, and free/busy as bare time
 * intervals — no names, phones, e-mails, companies, departments or purposes, and not even
 * where one booking ends and the next begins.
 */
import type { Db } from '@/db';
import type { Resource } from '@/db/schema';
import { getBusy, maintenancePeriods } from '@/lib/booking/availability';
import { isOpenEnded } from '@/lib/incidents/open-ended';
import { listResources } from '@/lib/booking/queries';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { loadCustomerBookableResource } from '@/lib/booking/create-customer';
import { availabilityQuerySchema, V } from './schemas';

const DAY = 86_400_000;
/** One public look-up covers at most a month, so that one call cannot scan the whole table. */
export const MAX_AVAILABILITY_DAYS = 31;

export interface PublicResource {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  type: { code: string; nameZh: string; nameEn: string };
  location: string;
  locationEn: string;
  capacity: number;
  facilities: string[];
  facilitiesEn: string[];
  notesZh: string;
  notesEn: string;
  /** Wall-clock opening hours in the organisation's zone, 'HH:MM'. */
  opensAt: string;
  closesAt: string;
  workingDaysOnly: boolean;
  maxDurationMinutes: number;
  /** Kept free before and after every booking: a start is only free when its buffers are too. */
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
}

export interface PublicBookingPolicy {
  timeZone: string;
  minNoticeHours: number;
  horizonDays: number;
}

const publicFields = (r: Resource & { type: { code: string; nameZh: string; nameEn: string } }): PublicResource => ({
  id: r.id,
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  type: { code: r.type.code, nameZh: r.type.nameZh, nameEn: r.type.nameEn },
  location: r.location,
  locationEn: r.locationEn,
  capacity: r.capacity,
  facilities: r.facilities,
  facilitiesEn: r.facilitiesEn,
  notesZh: r.notesZh,
  notesEn: r.notesEn,
  opensAt: r.opensAt.slice(0, 5),
  closesAt: r.closesAt.slice(0, 5),
  workingDaysOnly: r.workingDaysOnly,
  maxDurationMinutes: r.maxDurationMinutes,
  setupBufferMinutes: r.setupBufferMinutes,
  cleanupBufferMinutes: r.cleanupBufferMinutes,
});

/** Customer-bookable resources in service (no responsible person, no asset data). */
export async function listPublicResources(db: Db): Promise<PublicResource[]> {
  const rows = await listResources(db, { customerBookableOnly: true });
  return rows.filter((r) => r.state === 'in_service').map(publicFields);
}

/** The values a public form states up front: the zone, the notice and how far ahead. */
export async function publicBookingPolicy(db: Db): Promise<PublicBookingPolicy> {
  const settings = await getSettings(db);
  return {
    timeZone: settings.timeZone,
    minNoticeHours: settings.customerMinNoticeHours,
    horizonDays: settings.bookingHorizonDays,
  };
}

export interface PublicAvailability {
  resourceId: string;
  from: string;
  to: string;
  /** Busy time (bookings with their set-up/clean-up buffers, blackouts), merged, ISO 8601. */
  busy: { startAt: string; endAt: string }[];
  /** Maintenance periods in the range not yet over (part of `busy`), so the page can say why. */
  maintenance: { startAt: string; endAt: string; untilFurtherNotice: boolean }[];
}

export async function publicAvailability(
  db: Db,
  input: { resourceId: unknown; from: unknown; to: unknown },
  now: Date = new Date(),
): Promise<PublicAvailability> {
  const { resourceId, from, to } = parseInput(availabilityQuerySchema, input);
  if (to.getTime() - from.getTime() > MAX_AVAILABILITY_DAYS * DAY) {
    throw new DomainError('invalid_input', undefined, {
      fields: { to: [V.range_too_long] },
      params: { days: MAX_AVAILABILITY_DAYS },
    });
  }
  const resource = await loadCustomerBookableResource(db, resourceId);
  const [entries, maintenance] = await Promise.all([getBusy(db, resource.id, from, to), maintenancePeriods(db, resource.id, from, to)]);
  return {
    resourceId: resource.id,
    from: from.toISOString(),
    to: to.toISOString(),
    busy: mergeIntervals(entries.map((e) => ({ start: e.startAt.getTime(), end: e.endAt.getTime() }))).map((i) => ({
      startAt: new Date(i.start).toISOString(),
      endAt: new Date(i.end).toISOString(),
    })),
    // Only what is still ahead matters to someone booking.
    maintenance: maintenance.filter((m) => m.endAt > now).map((m) => ({
      startAt: m.startAt.toISOString(),
      endAt: m.endAt.toISOString(),
      untilFurtherNotice: isOpenEnded(m.endAt),
    })),
  };
}

/** Overlapping or touching intervals become one: bookings' boundaries are nobody's business. */
function mergeIntervals(intervals: { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}
