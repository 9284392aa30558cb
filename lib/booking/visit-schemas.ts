/**
 * Input of the visit's steps, shared by the check-out form (zodResolver), the server actions, the
 * JSON API and the domain functions. Messages are keys of the `validation` namespace.
 */
import { z } from 'zod';
import { visitCondition } from '@/db/schema';

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: 'invalid_text' }).trim().max(max, 'too_long').optional());

const condition = () => z.enum(visitCondition.enumValues, { error: 'invalid_choice' });

/** One checklist item: ticked, or not with a word why. */
const checklistAnswer = z
  .object({
    key: z.string({ error: 'required' }).trim().min(1, 'required').max(64, 'too_long'),
    done: z.boolean({ error: 'invalid_choice' }),
    note: optionalText(500),
  })
  .refine((a) => a.done || !!a.note, { message: 'checklist_note_required', path: ['note'] });

/** An `issue` needs a description: admin inspects it, and "issue" alone says nothing. */
const issueNeedsNotes = (v: { condition?: string; result?: string; notes?: string }) =>
  (v.condition ?? v.result) !== 'issue' || !!v.notes;

export const checkOutSchema = z
  .object({
    checklist: z.array(checklistAnswer, { error: 'required' }).max(50, 'too_many'),
    condition: condition(),
    notes: optionalText(2000),
  })
  .refine(issueNeedsNotes, { message: 'issue_notes_required', path: ['notes'] })
  .meta({ description: "Every item of the resource's `checklist`, once: ticked (`done`), or not with a `note`; an `issue` needs `notes`." });

export const inspectSchema = z
  .object({
    result: condition(),
    notes: optionalText(2000),
  })
  .refine(issueNeedsNotes, { message: 'issue_notes_required', path: ['notes'] });

export type CheckOutInput = z.input<typeof checkOutSchema>;
export type CheckOutValues = z.output<typeof checkOutSchema>;
export type InspectValues = z.output<typeof inspectSchema>;
