/**
 * Admin or customer service opens a rectification item (整改): directly, or from a damage
 * report, a suggestion, a survey answer or a booking (its source). The owner department's
 * contacts are e-mailed in the same transaction (through the outbox).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, departments, feedback, incidents, rectifications, resources, surveys, type Rectification } from '@/db/schema';
import { requireServiceDesk, type Actor } from '@/lib/authz';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { recordRectificationEvents } from './events';
import { mailOwners } from './owner-mail';
import { createRectificationSchema, type RectificationSource } from './schemas';

export async function createRectification(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<Rectification> {
  const user = requireServiceDesk(actor);
  const data = parseInput(createRectificationSchema, input);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await assertExists(tx, data.ownerDepartmentId, data.resourceId, data.source);
    const [item] = await tx
      .insert(rectifications)
      .values({
        title: data.title,
        description: data.description,
        resourceId: data.resourceId ?? null,
        ownerDepartmentId: data.ownerDepartmentId,
        dueDate: data.dueDate,
        sourceKind: data.source?.kind ?? 'none',
        sourceId: data.source?.id ?? null,
        createdById: user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordRectificationEvents(tx, [{ rectificationId: item.id, actor: user, action: 'created', toStatus: 'open', at: now }]);
    await mailOwners(tx, 'assigned', [item.id]);
    return item;
  });
}

/** A department, resource or source that does not exist is a field error, not a foreign-key failure. */
export async function assertExists(tx: Db, departmentId: string | undefined, resourceId: string | undefined, source: RectificationSource | undefined) {
  const fields: Record<string, string[]> = {};
  if (departmentId && !(await found(tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId))))) {
    fields.ownerDepartmentId = ['invalid_id'];
  }
  if (resourceId && !(await found(tx.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId))))) {
    fields.resourceId = ['invalid_id'];
  }
  if (source && !(await sourceExists(tx, source))) fields['source.id'] = ['invalid_id'];
  if (Object.keys(fields).length > 0) throw new DomainError('invalid_input', undefined, { fields });
}

async function found(query: Promise<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}

/** The source must exist: an item cannot name a report, suggestion, survey answer or booking that is not there. */
async function sourceExists(tx: Db, source: RectificationSource): Promise<boolean> {
  switch (source.kind) {
    case 'incident':
      return found(tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, source.id)));
    case 'suggestion':
      return found(tx.select({ id: feedback.id }).from(feedback).where(eq(feedback.id, source.id)));
    case 'booking':
      return found(tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, source.id)));
    case 'survey':
      return found(tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, source.id)));
  }
}
