/**
 * The JSON answers of the damage-report and waitlist routes, and their serializers: the zod
 * schemas document the answers in the OpenAPI document (lib/api/openapi-usage.ts).
 */
import { z } from 'zod';
import type { Incident, WaitlistEntry } from '@/db/schema';
import type { IncidentReportResult } from '@/lib/incidents/report';
import type { MyWaitlistEntry } from '@/lib/waitlist/entries';
import { nextCursorSchema } from './pagination';

const instant = () => z.iso.datetime({ offset: true });
const uuid = () => z.uuid();

export const incidentReportedSchema = z.object({
  id: uuid(),
  affectedBookings: z
    .array(z.object({ id: uuid(), reference: z.string(), startAt: instant(), endAt: instant() }))
    .meta({ description: 'Held bookings inside the maintenance window (blocking reports only); each applicant was e-mailed once with alternatives.' }),
});

export const incidentSchema = z.object({
  id: uuid(),
  resourceId: uuid(),
  bookingId: uuid().nullable(),
  severity: z.enum(['minor', 'blocking']),
  description: z.string(),
  status: z.enum(['open', 'resolved']),
  blockUntil: instant().nullable().meta({ description: 'End of the maintenance; null: until resolved (or not blocking).' }),
  resolution: z.string().nullable(),
  resolvedAt: instant().nullable(),
  createdAt: instant(),
});

export const waitlistEntrySchema = z.object({
  id: uuid(),
  resourceId: uuid(),
  startAt: instant(),
  endAt: instant(),
  status: z.enum(['waiting', 'notified']),
  notifiedAt: instant().nullable(),
  createdAt: instant(),
});

export const waitlistListSchema = z.object({ entries: z.array(waitlistEntrySchema), nextCursor: nextCursorSchema });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiIncidentReported(result: IncidentReportResult): z.input<typeof incidentReportedSchema> {
  return {
    id: result.id,
    affectedBookings: result.affectedBookings.map((b) => ({ ...b, startAt: b.startAt.toISOString(), endAt: b.endAt.toISOString() })),
  };
}

export function toApiIncident(i: Incident): z.input<typeof incidentSchema> {
  return {
    id: i.id,
    resourceId: i.resourceId,
    bookingId: i.bookingId,
    severity: i.severity,
    description: i.description,
    status: i.status,
    blockUntil: iso(i.blockUntil),
    resolution: i.resolution,
    resolvedAt: iso(i.resolvedAt),
    createdAt: i.createdAt.toISOString(),
  };
}

export function toApiWaitlistEntry(e: WaitlistEntry | MyWaitlistEntry): z.input<typeof waitlistEntrySchema> {
  return {
    id: e.id,
    resourceId: e.resourceId,
    startAt: e.startAt.toISOString(),
    endAt: e.endAt.toISOString(),
    status: e.status === 'notified' ? 'notified' : 'waiting',
    notifiedAt: iso(e.notifiedAt),
    createdAt: e.createdAt.toISOString(),
  };
}
