/**
 * The JSON shapes of admin's routes — resources, people, the audit log — and their mapping onto
 * the domain functions the pages call (lib/resources/manage.ts, lib/users/people.ts). A resource
 * is written with the field names an item of `GET /api/v1/resources` has (texts as `{zh, en}`);
 * the edge only reshapes it, the domain checks the values. Field messages come back under the
 * API's own paths (`name.en`, `hours.closesAt`).
 */
import { z } from 'zod';
import { auditEntity, userRole, type AuditEntry, type Resource } from '@/db/schema';
import type { PersonRow } from '@/lib/users/people';
import { isDomainError, DomainError } from '@/lib/errors';
import { editorValues } from '@/lib/resources/editor-values';
import { nextCursorSchema } from './pagination';

const both = (partial: boolean) => {
  const shape = z.object({ zh: z.string(), en: z.string() });
  return partial ? shape.partial() : shape;
};

const hours = z.object({
  opensAt: z.string().meta({ description: 'HH:MM (or HH:MM:SS as GET answers) in the organisation time zone.' }),
  closesAt: z.string(),
  workingDaysOnly: z.boolean().optional(),
});

/** A resource as written: POST needs the fields the editor requires, PATCH any of them. */
function resourceWrite(partial: boolean) {
  const shape = z.object({
    code: z.string(),
    name: both(partial),
    type: z.object({ id: z.uuid() }).meta({ description: 'Only `id` is read.' }),
    location: z.object({ zh: z.string(), en: z.string().optional() }),
    capacity: z.int(),
    hours: partial ? hours.partial() : hours,
    maxDurationMinutes: z.int(),
    setupBufferMinutes: z.int().optional(),
    cleanupBufferMinutes: z.int().optional(),
    customerBookable: z.boolean().optional(),
    requiresCheckIn: z.boolean().optional(),
    facilities: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).partial().optional(),
    checklist: z.array(z.object({ label: z.object({ zh: z.string(), en: z.string().optional() }) })).optional(),
    notes: both(true).optional(),
    responsibleName: z.string().optional(),
    assetNumber: z.string().nullable().optional(),
    model: z.string().nullable().optional(),
  });
  return partial ? shape.partial() : shape;
}

export const createResourceBody = resourceWrite(false);
export const updateResourceBody = resourceWrite(true).extend({
  keepBookings: z
    .boolean()
    .optional()
    .meta({ description: 'Save even though booked uses no longer fit new hours or buffers (they are kept, not moved); without it such a change is a 409 listing them.' }),
  note: z.string().max(500).optional().meta({ description: 'Why, for the audit log.' }),
});
export const retireResourceBody = z.object({ reason: z.string().max(500).optional() });
export const maintenanceBody = z.object({
  startAt: z.string().meta({ format: 'date-time' }),
  endAt: z.string().meta({ format: 'date-time' }),
  reason: z.string().min(1).max(500),
});
const affected = z.object({ id: z.uuid(), reference: z.string(), startAt: z.iso.datetime({ offset: true }), endAt: z.iso.datetime({ offset: true }) });
export const maintenanceCreatedSchema = z.object({
  id: z.uuid(),
  affectedBookings: z.array(affected).meta({ description: 'Held bookings inside the window: kept, flagged, their applicants e-mailed with alternatives.' }),
});
export const retiredSchema = z.object({
  upcoming: z.array(affected).meta({ description: 'Bookings still to come, left for admin to move or cancel.' }),
});

/** A booked use as the retire and maintenance answers list it. */
export const toAffected = (b: { id: string; reference: string; startAt: Date; endAt: Date }): z.input<typeof affected> => ({
  id: b.id,
  reference: b.reference,
  startAt: b.startAt.toISOString(),
  endAt: b.endAt.toISOString(),
});

type Written = z.output<ReturnType<typeof resourceWrite>>;

/** The editor's field → the API's path, for field messages. */
const API_PATH: Record<string, string> = {
  nameZh: 'name.zh',
  nameEn: 'name.en',
  typeId: 'type.id',
  location: 'location.zh',
  locationEn: 'location.en',
  opensAt: 'hours.opensAt',
  closesAt: 'hours.closesAt',
  workingDaysOnly: 'hours.workingDaysOnly',
  notesZh: 'notes.zh',
  notesEn: 'notes.en',
};

/** An API resource (whole or in part) onto the editor's values, over `base` (the stored resource, or the new one's defaults). */
export function resourceEditorInput(body: Partial<Written>, base: Resource | null): Record<string, unknown> {
  const values: Record<string, unknown> = base ? editorValues(base) : { workingDaysOnly: true, setupBufferMinutes: 0, cleanupBufferMinutes: 0 };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) values[key] = value;
  };
  const current = base ? { zh: base.facilities, en: base.facilitiesEn } : { zh: [], en: [] };
  set('code', body.code);
  set('nameZh', body.name?.zh);
  set('nameEn', body.name?.en);
  set('typeId', body.type?.id);
  set('location', body.location?.zh);
  set('locationEn', body.location?.en);
  set('capacity', body.capacity);
  set('opensAt', body.hours?.opensAt);
  set('closesAt', body.hours?.closesAt);
  set('workingDaysOnly', body.hours?.workingDaysOnly);
  set('maxDurationMinutes', body.maxDurationMinutes);
  set('setupBufferMinutes', body.setupBufferMinutes);
  set('cleanupBufferMinutes', body.cleanupBufferMinutes);
  set('customerBookable', body.customerBookable);
  set('requiresCheckIn', body.requiresCheckIn);
  if (body.facilities) {
    const zh = body.facilities.zh ?? current.zh;
    const en = body.facilities.en ?? current.en;
    values.facilities = zh.map((item, i) => ({ zh: item, en: en[i] ?? '' }));
  }
  set('checklist', body.checklist?.map(({ label }) => ({ zh: label.zh, en: label.en ?? '' })));
  set('notesZh', body.notes?.zh);
  set('notesEn', body.notes?.en);
  set('responsibleName', body.responsibleName);
  set('assetNumber', body.assetNumber === null ? '' : body.assetNumber);
  set('model', body.model === null ? '' : body.model);
  return values;
}

/** Field messages of the editor's fields, re-keyed to the API's paths. */
export function withApiPaths(error: unknown): never {
  if (isDomainError(error) && error.details.fields) {
    const fields = Object.fromEntries(Object.entries(error.details.fields).map(([field, keys]) => [API_PATH[field] ?? field, keys]));
    const fieldParams = error.details.fieldParams;
    throw new DomainError(error.code, error.message, { ...error.details, fields, fieldParams: fieldParams && Object.fromEntries(Object.entries(fieldParams).map(([f, v]) => [API_PATH[f] ?? f, v])) });
  }
  throw error;
}

export const createUserBody = z.object({
  name: z.string(),
  email: z.string().meta({ format: 'email' }),
  phone: z.string().optional(),
  departmentId: z.uuid(),
  role: z.enum(userRole.enumValues),
  departmentContact: z.boolean().optional(),
  locale: z.enum(['zh', 'en']).optional(),
});
export const updateUserBody = z.object({
  role: z.enum(userRole.enumValues, { error: 'invalid_choice' }).optional(),
  departmentId: z.uuid({ error: 'invalid_id' }).optional(),
  departmentContact: z.boolean({ error: 'invalid_choice' }).optional(),
  disabled: z.boolean({ error: 'invalid_choice' }).optional().meta({ description: "true ends the person's sessions and API use at once." }),
});

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: z.enum(userRole.enumValues),
  departmentId: z.uuid().nullable(),
  departmentContact: z.boolean(),
  disabled: z.boolean(),
  locale: z.enum(['zh', 'en']),
});

export function toApiUser(p: PersonRow): z.input<typeof userSchema> {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    phone: p.phone,
    role: p.role,
    departmentId: p.departmentId,
    departmentContact: p.isDepartmentContact,
    disabled: !p.active,
    locale: p.locale,
  };
}

export const auditEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  entity: z.enum(auditEntity.enumValues),
  entityId: z.string(),
  action: z.string().meta({ description: 'create, update, retire, reinstate, end, disable, enable, reset_password …' }),
  before: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The changed fields as they were.' }),
  after: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The changed fields as they became.' }),
  note: z.string(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: nextCursorSchema });

export function toApiAuditEntry(e: AuditEntry): z.input<typeof auditEntrySchema> {
  return {
    at: e.at.toISOString(),
    actor: { id: e.actorUserId, name: e.actorName },
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before,
    after: e.after,
    note: e.note,
  };
}
