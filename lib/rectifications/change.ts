/**
 * Moves a rectification item along its life (lib/rectifications/state.ts), reassigns it (owner
 * department, due date: the desk only) or adds a note — each recorded in its history. The item
 * is locked for the change, and the status UPDATE is conditional on the status it was read in.
 * A new owner department is e-mailed as on creation; a new due date allows a new overdue notice.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { rectifications, type Rectification } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { rectificationRoles, requireRectificationViewer } from './access';
import { assertExists } from './create';
import { recordRectificationEvents, type RectificationEventInput } from './events';
import { mailOwners } from './owner-mail';
import { changeRectificationSchema } from './schemas';
import { RECTIFICATION_STEPS } from './state';

export async function changeRectification(
  db: Db,
  actor: Actor,
  itemId: string,
  input: unknown,
  opts: { now?: Date } = {},
): Promise<Rectification> {
  const user = requireRectificationViewer(actor);
  const data = parseInput(changeRectificationSchema, input);
  const now = opts.now ?? new Date();
  if (!isUuid(itemId)) throw new DomainError('not_found');

  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(rectifications).where(eq(rectifications.id, itemId)).for('update');
    const roles = item ? rectificationRoles(user, item) : [];
    // Another department's item is not revealed.
    if (!item || roles.length === 0) throw new DomainError('not_found');

    const reassigning =
      (data.ownerDepartmentId !== undefined && data.ownerDepartmentId !== item.ownerDepartmentId) ||
      (data.dueDate !== undefined && data.dueDate !== item.dueDate);
    if (reassigning && !roles.includes('desk')) throw new DomainError('forbidden');
    const moving = data.status !== undefined && data.status !== item.status;
    if (moving) {
      const step = RECTIFICATION_STEPS[data.status!];
      if (!step.by.some((role) => roles.includes(role))) throw new DomainError('forbidden');
      if (!step.from.includes(item.status)) throw new DomainError('rectification_transition');
    }
    if (reassigning) await assertExists(tx, data.ownerDepartmentId, undefined, undefined);

    const ownerDepartmentId = data.ownerDepartmentId ?? item.ownerDepartmentId;
    const dueDate = data.dueDate ?? item.dueDate;
    const [updated] = await tx
      .update(rectifications)
      .set({
        status: moving ? data.status : item.status,
        ownerDepartmentId,
        dueDate,
        ...(dueDate !== item.dueDate && { overdueNotifiedAt: null }),
        updatedAt: now,
      })
      .where(and(eq(rectifications.id, itemId), eq(rectifications.status, item.status)))
      .returning();
    if (!updated) throw new DomainError('rectification_transition');

    const events: RectificationEventInput[] = [];
    const note = data.note ?? '';
    if (moving) events.push({ rectificationId: itemId, actor: user, action: 'status', fromStatus: item.status, toStatus: updated.status, note, at: now });
    if (reassigning) {
      const changed = (key: 'ownerDepartmentId' | 'dueDate') => updated[key] !== item[key];
      const keys = (['ownerDepartmentId', 'dueDate'] as const).filter(changed);
      events.push({
        rectificationId: itemId,
        actor: user,
        action: 'reassigned',
        data: { before: Object.fromEntries(keys.map((k) => [k, item[k]])), after: Object.fromEntries(keys.map((k) => [k, updated[k]])) },
        note: moving ? '' : note,
        at: now,
      });
    }
    if (!moving && !reassigning) {
      if (!note) return updated; // the same status again, nothing else: nothing happened
      events.push({ rectificationId: itemId, actor: user, action: 'note', note, at: now });
    }
    await recordRectificationEvents(tx, events);
    if (updated.ownerDepartmentId !== item.ownerDepartmentId) await mailOwners(tx, 'assigned', [itemId]);
    return updated;
  });
}
