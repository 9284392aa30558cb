/**
 * The ledger and report routes' query and answer shapes (for the OpenAPI document) and the
 * ledger's serializer.
 */
import { z } from 'zod';
import { bookingChannel, bookingStatus, visitCondition } from '@/db/schema';
import { periodSchema } from '@/lib/reports/period';
import type { LedgerUsage } from '@/lib/resources/ledger-usage';
import { nextCursorSchema, pageQueryShape } from './pagination';
import { bilingual, resourceSchema } from './schemas';
import { toApiResource } from './serialize';

const instant = () => z.iso.datetime({ offset: true });
const day = (description: string) => periodSchema.shape.from.meta({ description });

export const periodQueryShape = {
  from: day('First day, YYYY-MM-DD in the organisation time zone.'),
  to: day('Last day, included; at most 366 days after `from`.'),
};

export const ledgerQuery = z.object({ ...periodQueryShape, ...pageQueryShape });

const score = z.int().min(1).max(5);
const average = z.number().nullable();

export const ledgerBookingSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(bookingStatus.enumValues),
  channel: z.enum(bookingChannel.enumValues),
  requesterKind: z.enum(['staff', 'customer']),
  applicant: z.string(),
  department: bilingual(z.string()).nullable().meta({ description: "The staff applicant's department." }),
  company: z.string().nullable().meta({ description: "The customer's company." }),
  purpose: z.string(),
  startAt: instant(),
  endAt: instant(),
  checkedInAt: instant().nullable(),
  checkedOutAt: instant().nullable(),
  notCheckedOut: z.boolean().meta({ description: 'Completed by the job: nobody checked out.' }),
  condition: z.enum(visitCondition.enumValues).nullable().meta({ description: 'As reported at check-out.' }),
  conditionNotes: z.string().nullable(),
  inspection: z
    .object({ result: z.enum(visitCondition.enumValues).nullable(), note: z.string().nullable(), at: instant() })
    .nullable()
    .meta({ description: "Admin's inspection after use." }),
  survey: z
    .object({ id: z.uuid(), overall: score, condition: score, service: score, comment: z.string(), answeredAt: instant() })
    .nullable()
    .meta({ description: "The customer's follow-up survey answer (scores 1–5), when there is one." }),
  incidents: z.array(
    z.object({
      id: z.uuid(),
      severity: z.enum(['minor', 'blocking']),
      description: z.string(),
      status: z.enum(['open', 'resolved']),
      resolution: z.string().nullable(),
      resolvedAt: instant().nullable(),
      createdAt: instant(),
    }),
  ),
});

export const ledgerSchema = z.object({
  resource: resourceSchema,
  bookings: z.array(ledgerBookingSchema).meta({ description: 'Bookings starting in the period, newest first.' }),
  totals: z
    .object({ bookedHours: z.number(), usedHours: z.number(), noShows: z.int(), incidents: z.int() })
    .meta({ description: 'Over the whole period (every page): hours of granted bookings, hours checked in, no-shows, incident reports.' }),
  satisfaction: z
    .object({ sent: z.int(), responses: z.int(), overall: average, condition: average, service: average })
    .meta({ description: 'Follow-up surveys of visits starting in the period: sent, answered, and the average scores (1–5, two decimals; null without answers).' }),
  nextCursor: nextCursorSchema,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toApiLedger(ledger: LedgerUsage): z.output<typeof ledgerSchema> {
  return {
    resource: toApiResource(ledger.resource),
    bookings: ledger.bookings.map((b) => ({
      id: b.id,
      reference: b.reference,
      status: b.status,
      channel: b.channel,
      requesterKind: b.requesterKind,
      applicant: b.applicant,
      department: b.department && { zh: b.department.nameZh, en: b.department.nameEn || b.department.nameZh },
      company: b.company,
      purpose: b.purpose,
      startAt: b.startAt.toISOString(),
      endAt: b.endAt.toISOString(),
      checkedInAt: iso(b.checkedInAt),
      checkedOutAt: iso(b.checkedOutAt),
      notCheckedOut: b.notCheckedOut,
      condition: b.condition,
      conditionNotes: b.conditionNotes,
      inspection: b.inspectedAt && { result: b.inspectionResult, note: b.inspectionNote, at: b.inspectedAt.toISOString() },
      survey: b.survey && { ...b.survey, answeredAt: b.survey.answeredAt.toISOString() },
      incidents: b.incidents.map((i) => ({ ...i, bookingId: undefined, resolvedAt: iso(i.resolvedAt), createdAt: i.createdAt.toISOString() })),
    })),
    totals: ledger.totals,
    satisfaction: ledger.satisfaction,
    nextCursor: ledger.nextCursor,
  };
}
