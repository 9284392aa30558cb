/**
 * Planned maintenance windows (设备保养, 样品库盘点): admin adds, edits and ends them on a
 * resource. They are the same maintenance blackouts a blocking damage report writes
 * (lib/incidents/report.ts): a `blackouts` row of kind `maintenance`, written under the
 * resource's schedule lock, so a hold committed before is seen here and one after is refused by
 * the blackout trigger. Bookings held inside are kept (admin or the applicant moves or cancels
 * them), flagged, noted in their history, and their applicants e-mailed once per window with
 * free alternatives. Windows that came from a damage report end when the report is resolved,
 * not here. Every change is in the audit log.
 */
import { and, asc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import { blackouts, bookings, resources, type Booking } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor, type UserActor } from '@/lib/authz';
import { lockResourceSchedule } from '@/lib/booking/availability';
import { recordEvent } from '@/lib/booking/events';
import { isUuid } from '@/lib/booking/ids';
import { notifyLostSlot } from '@/lib/booking/notify-lost-slot';
import { fieldErrors } from '@/lib/booking/schemas';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { instantOf } from '@/lib/staff-booking/wall-clock';

const M = {
  required: 'maintenance.errors.required',
  invalid: 'maintenance.errors.invalid',
  order: 'maintenance.errors.order',
  tooLong: 'maintenance.errors.too_long',
  past: 'maintenance.errors.past',
} as const;

/** A window longer than this is not maintenance: retire the resource instead. */
const MAX_DAYS = 366;
const DAY = 86_400_000;

export interface AffectedBooking {
  id: string;
  reference: string;
  startAt: Date;
  endAt: Date;
}

/**
 * A moment as the form sends it (a wall-clock "YYYY-MM-DDTHH:MM" in the organisation's zone) or
 * as the JSON API does (an ISO instant with its offset).
 */
function instant(value: string, timeZone: string): Date | null {
  const wall = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (wall) return instantOf(wall[1], wall[2], timeZone);
  const parsed = new Date(value);
  return /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

const windowInput = z.object({
  startAt: z.string({ error: M.required }).trim().min(1, M.required),
  endAt: z.string({ error: M.required }).trim().min(1, M.required),
  reason: z.string({ error: M.required }).trim().min(1, M.required).max(500, M.tooLong),
});

async function parseWindow(db: Db, input: unknown, now: Date): Promise<{ startAt: Date; endAt: Date; reason: string }> {
  const result = windowInput.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  const { timeZone } = await getSettings(db);
  const startAt = instant(result.data.startAt, timeZone);
  const endAt = instant(result.data.endAt, timeZone);
  const fields: Record<string, string[]> = {};
  if (!startAt) fields.startAt = [M.invalid];
  if (!endAt) fields.endAt = [M.invalid];
  else if (startAt && endAt <= startAt) fields.endAt = [M.order];
  else if (startAt && endAt.getTime() - startAt.getTime() > MAX_DAYS * DAY) fields.endAt = [M.tooLong];
  else if (endAt <= now) fields.endAt = [M.past];
  if (Object.keys(fields).length > 0 || !startAt || !endAt) throw new DomainError('invalid_input', undefined, { fields });
  return { startAt, endAt, reason: result.data.reason };
}

/**
 * Flags the held bookings inside [start, end) and e-mails their applicants once for this window
 * (the dedupe key names it): on an edit, only bookings the window newly covers hear of it.
 */
async function flagInside(tx: Db, admin: UserActor, windowId: string, resourceId: string, start: Date, end: Date, reason: string, now: Date) {
  const inside = await tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resourceId),
        eq(bookings.holdsSlot, true),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        lt(bookings.holdStart, end),
        gt(bookings.holdEnd, start),
        gt(bookings.endAt, now),
      ),
    )
    .orderBy(asc(bookings.startAt));
  for (const booking of inside) await flagOne(tx, admin, windowId, booking, reason, now);
  return inside.map(({ id, reference, startAt, endAt }) => ({ id, reference, startAt, endAt }));
}

async function flagOne(tx: Db, admin: UserActor, windowId: string, booking: Booking, reason: string, now: Date) {
  await tx.update(bookings).set({ flaggedReason: reason, updatedAt: now }).where(eq(bookings.id, booking.id));
  const queued = await notifyLostSlot(tx, 'maintenance_scheduled', booking, `maintenance:${windowId}`, now);
  // Told once per window: an edit that still covers the booking adds nothing to its history.
  if (queued > 0) {
    await recordEvent(tx, {
      bookingId: booking.id,
      fromStatus: booking.status,
      toStatus: booking.status,
      action: 'maintenance_scheduled',
      actor: admin,
      note: reason,
      data: { blackoutId: windowId },
    });
  }
}

type ParsedWindow = Awaited<ReturnType<typeof parseWindow>>;
type WindowWritten = { id: string; affectedBookings: AffectedBooking[] };

/**
 * What adding and editing a window share: admin only, the input checked before any lock is
 * taken, then `write` in a transaction that is rerun when it loses a deadlock.
 */
async function writeWindow(
  db: Db,
  actor: Actor,
  input: unknown,
  opts: { now?: Date },
  write: (tx: Db, admin: UserActor, window: ParsedWindow, now: Date) => Promise<WindowWritten>,
): Promise<WindowWritten> {
  const admin = requireAdmin(actor);
  const now = opts.now ?? new Date();
  const window = await parseWindow(db, input, now);
  return retryOnDeadlock(() => db.transaction((tx) => write(tx, admin, window, now)));
}

export async function addMaintenanceWindow(
  db: Db,
  actor: Actor,
  resourceId: string,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<WindowWritten> {
  return writeWindow(db, actor, input, opts, async (tx, admin, window, now) => {
    const [resource] = isUuid(resourceId) ? await tx.select().from(resources).where(eq(resources.id, resourceId)) : [];
    if (!resource) throw new DomainError('not_found');
    await lockResourceSchedule(tx, resource.id);
    const [row] = await tx
      .insert(blackouts)
      .values({ resourceId, kind: 'maintenance', ...window, createdById: admin.id, createdAt: now })
      .returning();
    await recordAudit(
      tx,
      admin,
      { entity: 'maintenance', entityId: row.id, verb: 'create', after: { resourceId, ...window }, note: window.reason },
      now,
    );
    return { id: row.id, affectedBookings: await flagInside(tx, admin, row.id, resourceId, window.startAt, window.endAt, window.reason, now) };
  });
}

async function lockWindow(tx: Db, id: string) {
  const [row] = isUuid(id)
    ? await tx
        .select()
        .from(blackouts)
        .where(and(eq(blackouts.id, id), eq(blackouts.kind, 'maintenance'), isNull(blackouts.incidentId)))
        .for('update')
    : [];
  if (!row) throw new DomainError('not_found');
  return row;
}

/** Changes a window's times or reason; bookings it newly covers are flagged and told. */
export async function updateMaintenanceWindow(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<WindowWritten> {
  return writeWindow(db, actor, input, opts, async (tx, admin, window, now) => {
    const current = await lockWindow(tx, id);
    await lockResourceSchedule(tx, current.resourceId);
    await tx.update(blackouts).set(window).where(eq(blackouts.id, id));
    const change = changedFields(
      { startAt: current.startAt, endAt: current.endAt, reason: current.reason },
      { startAt: window.startAt, endAt: window.endAt, reason: window.reason },
    );
    await recordAudit(tx, admin, { entity: 'maintenance', entityId: id, verb: 'update', ...change }, now);
    return { id, affectedBookings: await flagInside(tx, admin, id, current.resourceId, window.startAt, window.endAt, window.reason, now) };
  });
}

/** Ends a window now (one not yet begun is removed); the period stays in the ledger. */
export async function endMaintenanceWindow(db: Db, actor: Actor, id: string, opts: { now?: Date } = {}): Promise<void> {
  const admin = requireAdmin(actor);
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    const current = await lockWindow(tx, id);
    if (current.endAt <= now) throw new DomainError('invalid_transition');
    if (current.startAt >= now) await tx.delete(blackouts).where(eq(blackouts.id, id));
    else await tx.update(blackouts).set({ endAt: now }).where(eq(blackouts.id, id));
    await recordAudit(
      tx,
      admin,
      { entity: 'maintenance', entityId: id, verb: 'end', before: { endAt: current.endAt.toISOString() }, after: { endAt: now.toISOString() } },
      now,
    );
  });
}
