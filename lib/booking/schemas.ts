/**
 * Input schemas for the booking workflow, shared by react-hook-form (zodResolver), server
 * actions, the JSON API and the domain functions themselves. Every message is a key of the
 * `validation` namespace (messages/<locale>/validation.json); forms show
 * `t(`validation.${message}`)`.
 *
 * Times must arrive as absolute instants (ISO 8601 with an offset, or Date objects): a
 * `datetime-local` value has no zone and is converted in the organisation's zone by the form.
 * Instants and phone numbers are the shared fields of lib/validation/fields.ts.
 */
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { blankToUndefined, instantField, phoneField, type FieldMessages } from '@/lib/validation/fields';

/** The shared fields' messages, as this module's bare `validation` keys. */
export const STAFF_FIELD_MESSAGES: FieldMessages = {
  required: 'required',
  invalid_date: 'invalid_date',
  invalid_phone: 'invalid_phone',
  too_long: 'too_long',
  out_of_window: 'out_of_window',
};

export const text = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long');
export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: 'invalid_text' }).trim().max(max, 'too_long').optional());

export const id = () => z.uuid({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid_id') });
export const optionalId = () => z.preprocess(blankToUndefined, z.uuid({ error: 'invalid_id' }).optional());

export const instant = () => instantField(STAFF_FIELD_MESSAGES);
const phone = () => phoneField(STAFF_FIELD_MESSAGES);

const attendees = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'invalid_number' })
      .int('invalid_number')
      .min(1, 'too_small')
      .max(1000, 'too_large')
      .optional(),
  );

const endAfterStart = (v: { startAt: Date; endAt: Date }) => v.endAt.getTime() > v.startAt.getTime();
const END_AFTER_START = { message: 'end_before_start', path: ['endAt'] };

const staffRequestFields = z.object({
  resourceId: id(),
  startAt: instant(),
  endAt: instant(),
  purpose: text(500),
  attendees: attendees(),
  phone: phone(),
  specialNeeds: optionalText(1000),
  departmentId: optionalId(),
});

export const staffRequestSchema = staffRequestFields.refine(endAfterStart, END_AFTER_START);

/** A paper, phone or e-mail request that admin types in for a member of staff. */
export const adminEntrySchema = staffRequestFields
  .extend({
    onBehalfOfUserId: id(),
    channel: z.enum(['paper', 'phone', 'email'], { error: 'invalid_choice' }),
    holdsSlot: z.boolean({ error: 'invalid_choice' }).default(true),
    leadTimeOverrideReason: optionalText(500),
  })
  .refine(endAfterStart, END_AFTER_START);

export const opinionSchema = z.object({ opinion: text(1000) });
export const reasonSchema = z.object({ reason: text(1000) });
/** Decline needs no reason; one may be given. */
export const optionalReasonSchema = z.object({ reason: optionalText(1000) });
export const messageSchema = z.object({ message: text(2000) });

/** Approve, optionally for another time or resource (all three default to the request's). */
export const approveSchema = z
  .object({
    opinion: text(1000),
    resourceId: optionalId(),
    startAt: instant().optional(),
    endAt: instant().optional(),
  })
  .refine((v) => (v.startAt === undefined) === (v.endAt === undefined), { message: 'required', path: ['endAt'] })
  .refine((v) => !v.startAt || !v.endAt || v.endAt.getTime() > v.startAt.getTime(), END_AFTER_START);

/**
 * Another time or resource for a held booking, with the reason: the applicant's change request
 * and admin's move alike. No resource means the booking's own.
 */
export const changeSlotSchema = z
  .object({
    startAt: instant(),
    endAt: instant(),
    resourceId: optionalId(),
    reason: text(1000),
  })
  .refine(endAfterStart, END_AFTER_START);

/** The applicant's answer to "more information, please", with optional corrections. */
export const supplementSchema = z.object({
  message: text(2000),
  purpose: optionalText(500),
  attendees: attendees(),
  phone: z.preprocess(blankToUndefined, phone().optional()),
  specialNeeds: optionalText(1000),
});

export const coordinationSchema = z.object({
  departmentIds: z.array(z.uuid({ error: 'invalid_id' }), { error: 'required' }).min(1, 'required').max(20, 'too_many'),
  message: text(2000),
});

export const coordinationAnswerSchema = z
  .object({
    answer: z.enum(['agree', 'concerns'], { error: 'invalid_choice' }),
    comment: optionalText(1000),
  })
  .refine((v) => v.answer !== 'concerns' || !!v.comment, { message: 'comment_required', path: ['comment'] });

export type StaffRequestInput = z.output<typeof staffRequestSchema>;
export type AdminEntryInput = z.output<typeof adminEntrySchema>;
export type ApproveInput = z.output<typeof approveSchema>;
export type ChangeSlotInput = z.output<typeof changeSlotSchema>;
export type SupplementInput = z.output<typeof supplementSchema>;
export type CoordinationInput = z.output<typeof coordinationSchema>;
export type CoordinationAnswerInput = z.output<typeof coordinationAnswerSchema>;

/** Per-field message keys; errors not tied to one field go under `_form`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_form';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Domain functions re-check their input: a bad value is a 422 with field keys, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  return result.data;
}
