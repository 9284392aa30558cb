/**
 * Input of damage and abnormality reports (product rule 10, policy III.4): the same schemas
 * serve the JSON API, the report form and the domain functions. Messages are keys of the
 * `validation` namespace or full paths into `incidents`.
 */
import { z } from 'zod';
import { instant, optionalId, text } from '@/lib/booking/schemas';

export const INCIDENT_SEVERITIES = ['minor', 'blocking'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const reportIncidentSchema = z.object({
  /** The booking during (or just after) which it was found; admin may leave it out. */
  bookingId: optionalId(),
  severity: z.enum(INCIDENT_SEVERITIES, { error: 'invalid_choice' }),
  description: text(2000),
  /** A blocking report's end of maintenance; left out: until admin resolves it. */
  blockUntil: z.preprocess((value) => (value === '' || value === null ? undefined : value), instant().optional()),
});

export const resolveIncidentSchema = z.object({ notes: text(2000) });

export type ReportIncidentInput = z.output<typeof reportIncidentSchema>;
