/**
 * The page behind the QR code on a resource's door (`/door/<code>`): what is on now and what is
 * next today, and — for the signed-in person whose booking it is — whether they can check in
 * now. Anyone may open it (it hangs on a door): bookings show as times and a state only; the
 * viewer's own booking shows its reference. Reading only; checking in goes through check-in.ts.
 */
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, type Booking, type Resource } from '@/db/schema';
import { isApplicant, type Actor } from '@/lib/authz';
import { addDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getSettings } from '@/lib/settings';
import { allowedVisitActions, type CheckInWindow } from './visit-window';

/** Confirmed and in-use bookings are what happens at the door; requests not yet confirmed are not. */
const ON_THE_DOOR = ['confirmed', 'in_use'] as const;

export interface DoorEntry {
  startAt: Date;
  endAt: Date;
  status: 'confirmed' | 'in_use';
  /** The viewer's own booking: its id and reference, what they may do and when check-in opens. */
  mine: { id: string; reference: string; canCheckIn: boolean; window: CheckInWindow } | null;
}

export interface DoorPage {
  resource: Pick<Resource, 'id' | 'code' | 'nameZh' | 'nameEn' | 'location' | 'state'>;
  timeZone: string;
  now: DoorEntry | null;
  next: DoorEntry[];
}

/** null for an unknown code. */
export async function loadDoorPage(db: Db, actor: Actor, code: string, opts: { now?: Date } = {}): Promise<DoorPage | null> {
  const now = opts.now ?? new Date();
  const [resource] = await db.select().from(resources).where(eq(resources.code, code.slice(0, 64)));
  if (!resource) return null;
  const settings = await getSettings(db);
  const endOfDay = zonedInstant(addDays(dayInZone(now, settings.timeZone), 1), '00:00', settings.timeZone);
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        inArray(bookings.status, [...ON_THE_DOOR]),
        gt(bookings.endAt, now),
        lt(bookings.startAt, endOfDay),
      ),
    )
    .orderBy(asc(bookings.startAt))
    .limit(20);
  const entry = (booking: Booking): DoorEntry => {
    const allowed = allowedVisitActions(booking, resource, settings, actor, now);
    return {
      startAt: booking.startAt,
      endAt: booking.endAt,
      status: booking.status as DoorEntry['status'],
      mine: isApplicant(actor, booking)
        ? { id: booking.id, reference: booking.reference, canCheckIn: allowed.checkIn, window: allowed.window }
        : null,
    };
  };
  const current = rows.find((b) => b.startAt <= now);
  return {
    resource: { id: resource.id, code: resource.code, nameZh: resource.nameZh, nameEn: resource.nameEn, location: resource.location, state: resource.state },
    timeZone: settings.timeZone,
    now: current ? entry(current) : null,
    next: rows.filter((b) => b !== current).slice(0, 4).map(entry),
  };
}
