/**
 * The JSON API's shapes as zod schemas: what each route accepts and answers. Request schemas
 * are the booking schemas (lib/booking/schemas.ts) with their fields as they travel in JSON —
 * times as RFC 3339 strings with an offset instead of Date objects — so a request passes the
 * same field rules as the forms, and the domain function checks it once more. The OpenAPI
 * document (openapi.ts) is generated from these.
 */
import { z } from 'zod';
import {
  bookingChannel,
  bookingPriority,
  bookingStatus,
  changeRequestStatus,
  coordinationAnswer,
  requesterKind,
  resourceState,
  visitCondition,
} from '@/db/schema';
import { DEFAULT_REGISTER_SORT, REGISTER_SORTS } from '@/lib/booking/register';
import { approveSchema, changeSlotSchema, STAFF_FIELD_MESSAGES, staffRequestSchema } from '@/lib/booking/schemas';
import { isoInstantField } from '@/lib/validation/fields';
import { API_ERROR_CODES } from './errors';
import { nextCursorSchema, pageQueryShape } from './pagination';

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** An instant in JSON: RFC 3339 with an offset (`2026-12-01T09:30:00+08:00`, `…Z`), inside the product's window. */
export const isoInstant = () => isoInstantField(STAFF_FIELD_MESSAGES);

/** POST /bookings. `phone` may be left out: the caller's phone on file is used, as the form pre-fills it. */
export const createBookingBody = z
  .object({
    ...staffRequestSchema.shape,
    startAt: isoInstant(),
    endAt: isoInstant(),
    phone: staffRequestSchema.shape.phone.optional(),
  })
;

export const approveBody = z
  .object({ ...approveSchema.shape, startAt: isoInstant().optional(), endAt: isoInstant().optional() })
  .meta({
    description: 'Approve with a review opinion; give resourceId and/or startAt+endAt to approve for another time or resource.',
  });

/** POST …/request-change and …/move: the new slot (no resourceId: the booking's own) and why. */
export const changeSlotBody = z
  .object({ ...changeSlotSchema.shape, startAt: isoInstant(), endAt: isoInstant() })
  .meta({ description: 'Another time and/or resource for the booking, with the reason.' });

export const emptyBody = z.object({});

/**
 * GET /bookings filters, and the exports' (`export.csv`, `export.xlsx`). Times select bookings
 * overlapping [from, to); `q` is part of a reference, applicant, company, e-mail, phone or purpose.
 */
const bookingFilterShape = {
  status: z.enum(bookingStatus.enumValues, { error: 'invalid_choice' }).optional(),
  resourceId: z.uuid({ error: 'invalid_id' }).optional(),
  typeId: z.uuid({ error: 'invalid_id' }).optional().meta({ description: "The resource's type." }),
  department: z.uuid({ error: 'invalid_id' }).optional().meta({ description: "The applicant's department (id)." }),
  channel: z.enum(bookingChannel.enumValues, { error: 'invalid_choice' }).optional(),
  requesterKind: z.enum(requesterKind.enumValues, { error: 'invalid_choice' }).optional(),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
  q: z.string({ error: 'invalid_text' }).trim().max(100, { error: 'too_long' }).optional(),
  sort: z
    .enum(REGISTER_SORTS, { error: 'invalid_choice' })
    .default(DEFAULT_REGISTER_SORT)
    .meta({ description: 'By start or submission time; a leading `-` is newest first.' }),
};
const validRange = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from);

export const bookingFilterQuery = z
  .object(bookingFilterShape)
  .refine(validRange, { message: 'invalid_range', path: ['to'] });

export const bookingListQuery = z
  .object({ ...bookingFilterShape, ...pageQueryShape })
  .refine(validRange, { message: 'invalid_range', path: ['to'] });

/** A parsed filter query as the register takes it. */
export function registerQueryOf(query: z.output<typeof bookingFilterQuery>) {
  const { from, to, department, sort, ...rest } = query;
  return {
    sort,
    filter: { ...rest, departmentId: department, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
  };
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

const instant = () => z.iso.datetime({ offset: true });
const uuid = () => z.uuid();

/** A text kept in both languages; `en` falls back to the Chinese where no English is kept. */
export const bilingual = <S extends z.ZodType>(value: S) => z.object({ zh: value, en: value });
const text2 = () => bilingual(z.string());

export const alternativeSchema = z
  .object({ resourceId: uuid(), startAt: instant(), endAt: instant() })
  .meta({ description: 'A free slot offered instead of the one asked for.' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES).meta({ description: 'Stable and machine-readable; the HTTP status follows from it.' }),
      message: z.string().meta({ description: "In the caller's language." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Per field (dotted path; `_form` for the body as a whole), in the caller\'s language.' }),
      alternatives: z.array(alternativeSchema).optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  });

/** A resource's return checklist: what the user ticks or explains at check-out. */
export const checklistItemSchema = z.object({ key: z.string(), label: z.object({ zh: z.string(), en: z.string() }) });

export const resourceSchema = z
  .object({
    id: uuid(),
    code: z.string(),
    name: text2(),
    type: z.object({ id: uuid(), code: z.string(), name: text2() }),
    location: text2(),
    capacity: z.int(),
    facilities: bilingual(z.array(z.string())).meta({ description: 'The same items in each language, in the same order.' }),
    notes: text2().meta({ description: '注意事项: notes for users.' }),
    responsibleName: z.string(),
    customerBookable: z.boolean(),
    state: z.enum(resourceState.enumValues),
    hours: z
      .object({
        opensAt: z.string().meta({ description: 'Wall-clock HH:MM:SS in the organisation time zone.' }),
        closesAt: z.string(),
        workingDaysOnly: z.boolean(),
      })
      .meta({ description: 'Opening hours.' }),
    maxDurationMinutes: z.int(),
    setupBufferMinutes: z.int(),
    cleanupBufferMinutes: z.int(),
    assetNumber: z.string().nullable(),
    model: z.string().nullable(),
    requiresCheckIn: z.boolean().meta({ description: 'Nobody checked in within the grace period: the booking is released as a no-show.' }),
    checklist: z.array(checklistItemSchema),
  });

export const bookingSchema = z
  .object({
    id: uuid(),
    reference: z.string().meta({ examples: ['BK-2026-000123'] }),
    status: z.enum(bookingStatus.enumValues),
    resourceId: uuid(),
    startAt: instant(),
    endAt: instant(),
    purpose: z.string(),
    attendees: z.int().nullable(),
    phone: z.string(),
    specialNeeds: z.string(),
    requesterKind: z.enum(requesterKind.enumValues),
    requesterUserId: uuid().nullable(),
    contactName: z.string(),
    contactEmail: z.string().nullable(),
    company: z.string().nullable(),
    departmentId: uuid().nullable(),
    channel: z.enum(bookingChannel.enumValues),
    priority: z.enum(bookingPriority.enumValues),
    holdsSlot: z.boolean(),
    reviewOpinion: z.string().nullable(),
    statusReason: z.string().nullable(),
    infoRequest: z.string().nullable(),
    approvedAt: instant().nullable(),
    confirmDeadline: instant().nullable(),
    confirmedAt: instant().nullable(),
    submittedAt: instant(),
    updatedAt: instant(),
    version: z.int(),
    // The visit.
    checkedInAt: instant().nullable(),
    checkedOutAt: instant().nullable(),
    notCheckedOut: z.boolean().meta({ description: 'In use past its end and completed without a check-out.' }),
    checkOut: z
      .object({
        checklist: z.array(z.object({ key: z.string(), done: z.boolean(), note: z.string().optional() })),
        condition: z.enum(visitCondition.enumValues),
        notes: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'What was recorded at check-out.' }),
    inspection: z
      .object({ result: z.enum(visitCondition.enumValues), notes: z.string().nullable(), at: instant() })
      .nullable()
      .meta({ description: "Admin's inspection after use." }),
  });

export const bookingListItemSchema = z
  .object({
    id: uuid(),
    reference: z.string(),
    status: z.enum(bookingStatus.enumValues),
    requesterKind: z.enum(requesterKind.enumValues),
    channel: z.enum(bookingChannel.enumValues),
    contactName: z.string(),
    company: z.string().nullable(),
    departmentId: uuid().nullable(),
    purpose: z.string(),
    resourceId: uuid(),
    resourceCode: z.string(),
    resourceNameZh: z.string(),
    resourceNameEn: z.string(),
    startAt: instant(),
    endAt: instant(),
    confirmDeadline: instant().nullable(),
    submittedAt: instant(),
  });

/** A change request as the applicant and admin see it (POST …/request-change answers with one). */
export const changeRequestSchema = z
  .object({
    id: uuid(),
    bookingId: uuid(),
    status: z.enum(changeRequestStatus.enumValues),
    resourceId: uuid(),
    startAt: instant(),
    endAt: instant(),
    reason: z.string(),
    requestedAt: instant(),
  })
  .meta({ description: 'While `pending`, the requested slot is held beside the booking\'s own.' });

export const pendingChangeSchema = changeRequestSchema.pick({
  id: true,
  resourceId: true,
  startAt: true,
  endAt: true,
  reason: true,
  requestedAt: true,
});

export const bookingDetailSchema = z
  .object({
    booking: bookingSchema,
    resource: z.object({
      id: uuid(),
      code: z.string(),
      name: text2(),
      location: text2(),
      notes: text2(),
      typeCode: z.string(),
    }),
    checklist: z.array(checklistItemSchema).meta({ description: "The resource's return checklist: the keys `check-out` answers." }),
    requester: z.object({ id: uuid(), name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
    department: z.object({ id: uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    events: z
      .array(
        z.object({
          action: z.string(),
          fromStatus: z.enum(bookingStatus.enumValues).nullable(),
          toStatus: z.enum(bookingStatus.enumValues).nullable(),
          actorName: z.string().nullable(),
          note: z.string().nullable(),
          at: instant(),
        }),
      )
      .meta({ description: 'The history, oldest first.' }),
    coordination: z.array(
      z.object({
        id: uuid(),
        departmentId: uuid(),
        departmentNameZh: z.string(),
        departmentNameEn: z.string(),
        message: z.string(),
        answer: z.enum(coordinationAnswer.enumValues).nullable(),
        comment: z.string().nullable(),
        answeredByName: z.string().nullable(),
        answeredAt: instant().nullable(),
      }),
    ),
    conflicts: z
      .array(
        z.object({
          kind: z.enum(['booking', 'blackout']),
          id: uuid(),
          reference: z.string().nullable(),
          startAt: instant(),
          endAt: instant(),
        }),
      )
      .optional()
      .meta({ description: 'Admin, while under review: what stands in the way of the slot.' }),
    alternatives: z.array(alternativeSchema).optional(),
    pendingChange: pendingChangeSchema
      .nullable()
      .meta({ description: 'The change request waiting for admin\'s decision; both slots are held meanwhile.' }),
  });

export const resourceListSchema = z.object({ resources: z.array(resourceSchema), nextCursor: nextCursorSchema });
export const bookingListSchema = z.object({ bookings: z.array(bookingListItemSchema), nextCursor: nextCursorSchema });

export type ApiResource = z.input<typeof resourceSchema>;
export type ApiBooking = z.input<typeof bookingSchema>;
export type ApiBookingListItem = z.input<typeof bookingListItemSchema>;
export type ApiBookingDetail = z.input<typeof bookingDetailSchema>;
export type ApiChangeRequest = z.input<typeof changeRequestSchema>;
