/**
 * The JSON answers of the suggestion and rectification routes, their serializers and the list
 * query; the zod schemas document them in the OpenAPI document (lib/api/openapi.ts).
 */
import { z } from 'zod';
import type { Feedback, Rectification } from '@/db/schema';
import { RECTIFICATION_VIEWS, type RectificationListRow } from '@/lib/rectifications/queries';
import { RECTIFICATION_STATUSES } from '@/lib/rectifications/state';
import { FEEDBACK_KINDS } from '@/lib/feedback/schemas';
import { RECTIFICATION_SOURCE_KINDS } from '@/lib/rectifications/schemas';
import { optionalId } from '@/lib/booking/schemas';
import { nextCursorSchema, pageQueryShape } from './pagination';

const instant = () => z.iso.datetime({ offset: true });

export const feedbackSchema = z.object({
  id: z.uuid(),
  kind: z.enum(FEEDBACK_KINDS),
  resourceId: z.uuid().nullable(),
  message: z.string(),
  answer: z.string().nullable().meta({ description: "Admin's answer; null until answered." }),
  answeredAt: instant().nullable(),
  createdAt: instant(),
});

export const rectificationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  resourceId: z.uuid().nullable(),
  ownerDepartmentId: z.uuid(),
  dueDate: z.iso.date().meta({ description: 'The last day, in the organisation’s zone.' }),
  status: z.enum(RECTIFICATION_STATUSES),
  overdue: z.boolean().meta({ description: 'Open or in progress, and the due date has passed.' }),
  source: z
    .object({ kind: z.enum(RECTIFICATION_SOURCE_KINDS), id: z.uuid() })
    .nullable()
    .meta({ description: 'The damage report, suggestion, survey answer or booking it came from.' }),
  createdAt: instant(),
  updatedAt: instant(),
});

export const rectificationListSchema = z.object({ items: z.array(rectificationSchema), nextCursor: nextCursorSchema });

export const rectificationListQuery = z.object({
  status: z
    .enum(RECTIFICATION_VIEWS, { error: 'invalid_choice' })
    .default('unfinished')
    .meta({ description: '`unfinished` (open or in progress, the default), `overdue`, one status, or `all`.' }),
  departmentId: optionalId().meta({ description: 'Only items this department owns.' }),
  ...pageQueryShape,
});

export function toApiFeedback(f: Feedback): z.input<typeof feedbackSchema> {
  return {
    id: f.id,
    kind: f.kind,
    resourceId: f.resourceId,
    message: f.message,
    answer: f.answer,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
  };
}

export function toApiRectification(item: Rectification, overdue: boolean): z.input<typeof rectificationSchema> {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    resourceId: item.resourceId,
    ownerDepartmentId: item.ownerDepartmentId,
    dueDate: item.dueDate,
    status: item.status,
    overdue,
    source: item.sourceKind === 'none' || !item.sourceId ? null : { kind: item.sourceKind, id: item.sourceId },
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export const toApiRectificationRow = (row: RectificationListRow) => toApiRectification(row.item, row.overdue);
