/**
 * Admin keeps the resource types (会议室, 展厅 …): adds and renames them. A type is never
 * deleted — its resources' history names it; the audit log records each change.
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { pgErrorCode } from '@/db/errors';
import { resources, resourceTypes, type ResourceType } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { fieldErrors } from '@/lib/booking/schemas';
import { isUuid } from '@/lib/booking/ids';
import { DomainError } from '@/lib/errors';
import { R, RESOURCE_BOUNDS, resourceTypeSchema } from './resource-schema';

function parse(input: unknown) {
  const result = resourceTypeSchema.safeParse(input);
  if (!result.success) {
    throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error), fieldParams: RESOURCE_BOUNDS });
  }
  return result.data;
}

const codeTaken = (error: unknown): never => {
  if (pgErrorCode(error) === '23505') throw new DomainError('already_exists', undefined, { fields: { code: [R.exists] } });
  throw error;
};

/** Every type in display order, with how many resources it has. */
export async function listResourceTypes(db: Db, actor: Actor): Promise<(ResourceType & { resourceCount: number })[]> {
  requireAdmin(actor);
  return db
    .select({
      id: resourceTypes.id,
      code: resourceTypes.code,
      nameZh: resourceTypes.nameZh,
      nameEn: resourceTypes.nameEn,
      sortOrder: resourceTypes.sortOrder,
      resourceCount: count(resources.id),
    })
    .from(resourceTypes)
    .leftJoin(resources, eq(resources.typeId, resourceTypes.id))
    .groupBy(resourceTypes.id)
    .orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code));
}

export async function createResourceType(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(resourceTypes).values(values).returning();
      const { id, ...after } = row;
      await recordAudit(tx, admin, { entity: 'resource_type', entityId: id, verb: 'create', after });
      return { id };
    })
    .catch(codeTaken);
}

export async function updateResourceType(db: Db, actor: Actor, id: string, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  await db
    .transaction(async (tx) => {
      const [current] = isUuid(id) ? await tx.select().from(resourceTypes).where(eq(resourceTypes.id, id)).for('update') : [];
      if (!current) throw new DomainError('not_found');
      const [row] = await tx.update(resourceTypes).set(values).where(eq(resourceTypes.id, id)).returning();
      const change = changedFields(current, row);
      if (Object.keys(change.after).length > 0) {
        await recordAudit(tx, admin, { entity: 'resource_type', entityId: id, verb: 'update', ...change });
      }
    })
    .catch(codeTaken);
}
