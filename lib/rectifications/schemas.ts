/**
 * Input of rectification items (整改): the same schemas serve the JSON API, the forms and the
 * domain functions. Messages are keys of the `validation` namespace.
 */
import { z } from 'zod';
import { id, optionalId, optionalText, STAFF_FIELD_MESSAGES, text } from '@/lib/booking/schemas';
import { blankToUndefined, dayField } from '@/lib/validation/fields';
import { RECTIFICATION_STATUSES } from './state';

/** What an item can come from; `none` is the absence of a source, not a kind one names. */
export const RECTIFICATION_SOURCE_KINDS = ['incident', 'suggestion', 'survey', 'booking'] as const;

export const rectificationSourceSchema = z.object({
  kind: z.enum(RECTIFICATION_SOURCE_KINDS, { error: 'invalid_choice' }),
  id: id(),
});
export type RectificationSource = z.output<typeof rectificationSourceSchema>;

const dueDate = () => dayField(STAFF_FIELD_MESSAGES).meta({ format: 'date', description: 'The last day, YYYY-MM-DD, in the organisation’s zone.' });

export const createRectificationSchema = z.object({
  title: text(200),
  description: optionalText(4000).transform((value) => value ?? ''),
  resourceId: optionalId(),
  ownerDepartmentId: id(),
  dueDate: dueDate(),
  source: rectificationSourceSchema.optional(),
});

/** Any of: a new status, a reassignment (department, due date), a note. */
export const changeRectificationSchema = z
  .object({
    status: z.enum(RECTIFICATION_STATUSES, { error: 'invalid_choice' }).optional(),
    ownerDepartmentId: optionalId(),
    dueDate: z.preprocess(blankToUndefined, dueDate().optional()),
    note: optionalText(2000),
  })
  .refine((v) => v.status !== undefined || v.ownerDepartmentId !== undefined || v.dueDate !== undefined || v.note !== undefined, {
    message: 'nothing_to_change',
    path: ['status'],
  });
