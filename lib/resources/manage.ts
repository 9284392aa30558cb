/**
 * Admin keeps the resources: adds one, edits it, retires it. Every change is one audit row
 * (lib/audit/record.ts) in the same transaction, with the changed fields old → new.
 *
 * Retiring keeps the resource and its history; the booking rules take no new booking on a
 * resource that is not in service (lib/booking/rules.ts `assertInService`). A change of opening
 * hours or buffers that leaves booked uses outside them is not saved until admin has seen the
 * list (`keepBookings`); the bookings are never moved or cancelled by it.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { pgErrorCode } from '@/db/errors';
import { bookings, resources, resourceTypes, type Resource } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { fieldErrors } from '@/lib/booking/schemas';
import { isUuid } from '@/lib/booking/ids';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { DomainError } from '@/lib/errors';
import { bookingsThatNoLongerFit, scheduleChanged, type Misfit } from './fit-check';
import { checklistItems, R, RESOURCE_BOUNDS, resourceSchema, type ResourceInput } from './resource-schema';

export type SaveResult = { saved: true; id: string; kept: Misfit[] } | { saved: false; id: string; misfits: Misfit[] };

export interface BookedUse {
  id: string;
  reference: string;
  startAt: Date;
  endAt: Date;
  contactName: string;
}

function parse(input: unknown): ResourceInput {
  const result = resourceSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error), fieldParams: RESOURCE_BOUNDS });
  }
  return result.data;
}

/** The stored columns of the editor's values (checklist keys kept for unchanged items). */
function columns(input: ResourceInput, previous?: Resource) {
  const { facilities, checklist, assetNumber, model, ...rest } = input;
  return {
    ...rest,
    facilities: facilities.map((f) => f.zh),
    facilitiesEn: facilities.map((f) => f.en),
    checklist: checklistItems(checklist, previous?.checklist),
    assetNumber: assetNumber || null,
    model: model || null,
  };
}

/** The fields the audit log compares (times as HH:MM, as the editor writes them). */
function auditView(resource: Partial<Resource>): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...resource };
  delete rest.id;
  delete rest.createdAt;
  return {
    ...rest,
    ...(resource.opensAt && { opensAt: resource.opensAt.slice(0, 5) }),
    ...(resource.closesAt && { closesAt: resource.closesAt.slice(0, 5) }),
  };
}

async function assertType(db: Db, typeId: string): Promise<void> {
  const [type] = await db.select({ id: resourceTypes.id }).from(resourceTypes).where(eq(resourceTypes.id, typeId));
  if (!type) throw new DomainError('invalid_input', undefined, { fields: { typeId: [R.choice] } });
}

const codeTaken = () => new DomainError('already_exists', undefined, { fields: { code: [R.exists] } });

/** A unique violation on the code (two admins adding the same code at once). */
function rethrowCodeTaken(error: unknown): never {
  if (pgErrorCode(error) === '23505') throw codeTaken();
  throw error;
}

export async function createResource(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<{ id: string }> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  await assertType(db, values.typeId);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(resources)
        .values({ ...columns(values), createdAt: opts.now ?? new Date() })
        .onConflictDoNothing({ target: resources.code })
        .returning();
      if (!row) throw codeTaken();
      await recordAudit(tx, admin, { entity: 'resource', entityId: row.id, verb: 'create', after: auditView(row) }, opts.now);
      return { id: row.id };
    })
    .catch(rethrowCodeTaken);
}

async function lockResource(tx: Db, id: string): Promise<Resource> {
  const [row] = isUuid(id) ? await tx.select().from(resources).where(eq(resources.id, id)).for('update') : [];
  if (!row) throw new DomainError('not_found');
  return row;
}

/**
 * Saves the editor's values. When new hours or buffers leave booked uses outside them and admin
 * has not said to keep them (`keepBookings`), nothing is saved and the list comes back.
 */
export async function updateResource(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  opts: { keepBookings?: boolean; note?: string; now?: Date } = {},
): Promise<SaveResult> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  await assertType(db, values.typeId);
  const now = opts.now ?? new Date();
  return db
    .transaction(async (tx): Promise<SaveResult> => {
      const current = await lockResource(tx, id);
      const next = columns(values, current);
      const misfits = scheduleChanged(current, next) ? await bookingsThatNoLongerFit(tx, id, next, now) : [];
      if (misfits.length > 0 && !opts.keepBookings) return { saved: false, id, misfits };

      const [row] = await tx.update(resources).set(next).where(eq(resources.id, id)).returning();
      const change = changedFields(auditView(current), auditView(row));
      if (Object.keys(change.after).length > 0) {
        const kept = misfits.map((m) => m.reference).join(', ');
        await recordAudit(
          tx,
          admin,
          { entity: 'resource', entityId: id, verb: 'update', ...change, note: [opts.note, kept && `kept: ${kept}`].filter(Boolean).join(' · ') },
          now,
        );
      }
      return { saved: true, id, kept: misfits };
    })
    .catch(rethrowCodeTaken);
}

/** Booked uses still to come on a resource (what a retired resource leaves for admin to move or cancel). */
export async function upcomingBookings(db: Db, resourceId: string, now: Date): Promise<BookedUse[]> {
  return db
    .select({
      id: bookings.id,
      reference: bookings.reference,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      contactName: bookings.contactName,
    })
    .from(bookings)
    .where(and(eq(bookings.resourceId, resourceId), inArray(bookings.status, [...HOLDING_STATUSES]), gt(bookings.endAt, now)))
    .orderBy(asc(bookings.startAt));
}

/**
 * Takes the resource out of use for good: no new bookings, history kept. Booked uses still to
 * come stay as they are and are returned, for admin to move or cancel one by one.
 */
export async function retireResource(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason?: unknown } = {},
  opts: { now?: Date } = {},
): Promise<{ upcoming: BookedUse[] }> {
  const admin = requireAdmin(actor);
  const reason = typeof input.reason === 'string' ? input.reason.trim().slice(0, 500) : '';
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const current = await lockResource(tx, id);
    if (current.state !== 'retired') {
      await tx.update(resources).set({ state: 'retired' }).where(eq(resources.id, id));
      await recordAudit(
        tx,
        admin,
        { entity: 'resource', entityId: id, verb: 'retire', before: { state: current.state }, after: { state: 'retired' }, note: reason },
        now,
      );
    }
    return { upcoming: await upcomingBookings(tx, id, now) };
  });
}

/** Puts a retired resource back in service (a mistake undone); recorded like any change. */
export async function reinstateResource(db: Db, actor: Actor, id: string, opts: { now?: Date } = {}): Promise<void> {
  const admin = requireAdmin(actor);
  await db.transaction(async (tx) => {
    const current = await lockResource(tx, id);
    if (current.state !== 'retired') return;
    await tx.update(resources).set({ state: 'in_service' }).where(eq(resources.id, id));
    await recordAudit(
      tx,
      admin,
      { entity: 'resource', entityId: id, verb: 'reinstate', before: { state: 'retired' }, after: { state: 'in_service' } },
      opts.now,
    );
  });
}

/** One resource as stored, for the editor. */
export async function getResourceForEdit(db: Db, actor: Actor, id: string): Promise<Resource> {
  requireAdmin(actor);
  const [row] = isUuid(id) ? await db.select().from(resources).where(eq(resources.id, id)) : [];
  if (!row) throw new DomainError('not_found');
  return row;
}
