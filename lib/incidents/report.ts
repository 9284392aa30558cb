/**
 * Damage and abnormality reports (product rule 10, policy III.4 ②). Anyone whose booking on the
 * resource is under way or just ended reports what they found — staff for their own booking,
 * customer service for a customer's, the customer through their link — and admin at any time.
 *
 * A `blocking` report puts the resource under maintenance from now until `blockUntil` (or until
 * admin resolves it): a maintenance blackout linked to the report, written under the resource's
 * schedule lock (lib/booking/availability.ts) in the same transaction that lists the held
 * bookings inside the window. Every writer of a hold takes that lock and checks blackouts
 * before its INSERT, so a new booking for the same window either committed before the report
 * (and is listed as affected) or sees the blackout and is refused — never both unnoticed.
 * Each affected booking is flagged, recorded in its history, and its applicant is e-mailed once
 * (dedupe key: booking, kind, report) with ranked alternatives.
 */
import { and, desc, eq, gt, inArray, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { retryOnDeadlock } from '@/db/retry';
import {
  blackouts,
  bookings,
  incidentAffectedBookings,
  incidents,
  resources,
  type Booking,
  type Resource,
} from '@/db/schema';
import { canActAsApplicant, canViewBooking, type Actor } from '@/lib/authz';
import { lockResourceSchedule } from '@/lib/booking/availability';
import { recordEvent, type EventActor } from '@/lib/booking/events';
import { isUuid } from '@/lib/booking/ids';
import { notifyLostSlot } from '@/lib/booking/notify-lost-slot';
import { parseInput } from '@/lib/booking/schemas';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import { OPEN_ENDED } from './open-ended';
import { inReportWindow, REPORT_CLOSES_HOURS, REPORT_OPENS_MINUTES, reportWindowParams, USED_STATUSES } from './report-window';
import { reportIncidentSchema } from './schemas';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface AffectedBooking {
  id: string;
  reference: string;
  startAt: Date;
  endAt: Date;
}

export interface IncidentReportResult {
  id: string;
  affectedBookings: AffectedBooking[];
}

export async function reportIncident(
  db: Db,
  actor: Actor,
  resourceId: string,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<IncidentReportResult> {
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated');
  const report = parseInput(reportIncidentSchema, input);
  const now = opts.now ?? new Date();
  const blocking = report.severity === 'blocking';
  if (report.blockUntil && report.blockUntil <= now) {
    throw new DomainError('invalid_input', undefined, { fields: { blockUntil: ['incidents.validation.blockUntilPast'] } });
  }
  const blockEnd = report.blockUntil ?? OPEN_ENDED;

  // Approving a request locks its row before the schedule lock; flagging here takes the rows
  // after it. PostgreSQL breaks such a cycle by aborting one side: this side simply runs again.
  return retryOnDeadlock(() => db.transaction(async (tx) => {
    const [resource] = isUuid(resourceId) ? await tx.select().from(resources).where(eq(resources.id, resourceId)) : [];
    if (!resource) throw new DomainError('not_found');
    const { reporter, booking } = await authorizeReporter(tx, actor, resource, report.bookingId, now);

    // Before anything is written: from here on no hold on this resource can commit unseen.
    if (blocking) await lockResourceSchedule(tx, resource.id);

    const [incident] = await tx
      .insert(incidents)
      .values({
        resourceId: resource.id,
        bookingId: booking?.id ?? null,
        reportedById: reporter.kind === 'user' ? reporter.id : null,
        severity: report.severity,
        description: report.description,
        takesOutOfService: blocking,
        blockUntil: blocking ? (report.blockUntil ?? null) : null,
        createdAt: now,
      })
      .returning();
    if (booking) {
      await recordEvent(tx, {
        bookingId: booking.id,
        fromStatus: booking.status,
        toStatus: booking.status,
        action: 'incident_reported',
        actor: reporter,
        note: report.description,
        data: { incidentId: incident.id, severity: report.severity },
      });
    }
    if (!blocking) return { id: incident.id, affectedBookings: [] };

    await tx.insert(blackouts).values({
      resourceId: resource.id,
      kind: 'maintenance',
      startAt: now,
      endAt: blockEnd,
      reason: report.description,
      createdById: reporter.kind === 'user' ? reporter.id : null,
      incidentId: incident.id,
      createdAt: now,
    });
    const affected = await flagAffected(tx, resource, incident.id, report.description, reporter, now, blockEnd, booking?.id);
    return {
      id: incident.id,
      affectedBookings: affected.map(({ id, reference, startAt, endAt }) => ({ id, reference, startAt, endAt })),
    };
  }));
}

/**
 * Admin may report on any resource (naming a booking or not); everyone else through a booking
 * of theirs on this resource inside the report window — the one named, or their latest.
 * A booking the caller may not see is `not_found`, as everywhere.
 */
async function authorizeReporter(
  tx: Db,
  actor: Exclude<Actor, { kind: 'anonymous' }>,
  resource: Resource,
  bookingId: string | undefined,
  now: Date,
): Promise<{ reporter: EventActor; booking: Booking | undefined }> {
  const isAdmin = actor.kind === 'user' && actor.role === 'admin';
  const reporter: EventActor = actor.kind === 'user' ? { kind: 'user', id: actor.id } : { kind: actor.kind === 'customer' ? 'customer' : 'system' };
  const wantedId = bookingId ?? (actor.kind === 'customer' ? actor.bookingId : undefined);

  if (wantedId) {
    const [booking] = await tx.select().from(bookings).where(eq(bookings.id, wantedId)).for('update');
    if (!booking || !canViewBooking(actor, booking) || booking.resourceId !== resource.id) throw new DomainError('not_found');
    if (isAdmin) return { reporter, booking };
    if (!canActAsApplicant(actor, booking)) throw new DomainError('forbidden');
    if (!inReportWindow(booking, now)) throw new DomainError('report_window_closed', undefined, { params: reportWindowParams(booking) });
    return { reporter, booking };
  }
  if (isAdmin) return { reporter, booking: undefined };
  if (actor.kind !== 'user') throw new DomainError('forbidden');

  // Without a named booking: the caller's own booking (customer service: a customer's) in the window.
  const candidates = await tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        inArray(bookings.status, [...USED_STATUSES]),
        lte(bookings.startAt, new Date(now.getTime() + REPORT_OPENS_MINUTES * MINUTE)),
        gt(bookings.endAt, new Date(now.getTime() - REPORT_CLOSES_HOURS * HOUR)),
        actor.role === 'customer_service' ? eq(bookings.requesterKind, 'customer') : eq(bookings.requesterUserId, actor.id),
      ),
    )
    .orderBy(desc(bookings.startAt))
    .limit(1)
    .for('update');
  if (candidates.length === 0) throw new DomainError('forbidden');
  return { reporter, booking: candidates[0] };
}

/**
 * The held bookings whose hold overlaps [now, end) — read after the blackout is written and
 * under the schedule lock, so every hold committed before is here. The report's own booking is
 * left out: its applicant is the one who reported.
 */
async function flagAffected(
  tx: Db,
  resource: Resource,
  incidentId: string,
  description: string,
  reporter: EventActor,
  now: Date,
  end: Date,
  ownBookingId: string | undefined,
): Promise<Booking[]> {
  const affected = await tx
    .update(bookings)
    .set({ flaggedReason: description, updatedAt: now })
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        eq(bookings.holdsSlot, true),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        lt(bookings.holdStart, end),
        gt(bookings.holdEnd, now),
        ownBookingId ? ne(bookings.id, ownBookingId) : undefined,
      ),
    )
    .returning();
  affected.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  if (affected.length === 0) return affected;
  await tx.insert(incidentAffectedBookings).values(affected.map((b) => ({ incidentId, bookingId: b.id, createdAt: now })));
  for (const booking of affected) {
    await recordEvent(tx, {
      bookingId: booking.id,
      fromStatus: booking.status,
      toStatus: booking.status,
      action: 'incident_affected',
      actor: reporter,
      note: description,
      data: { incidentId },
    });
    // Searched inside the transaction: the new blackout already rules this resource out.
    await notifyLostSlot(tx, 'incident_affected', booking, incidentId, now);
  }
  return affected;
}

