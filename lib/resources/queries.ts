/** Read models of the resources for signed-in pages. */
import { asc, eq, ne } from 'drizzle-orm';
import { isUuid } from '@/lib/booking/ids';
import type { ResourceWithType } from '@/lib/booking/queries';
import { DomainError } from '@/lib/errors';
import type { Db } from '@/db';
import { resources, resourceTypes, type Resource, type ResourceType } from '@/db/schema';

export interface ResourceGroup {
  type: ResourceType;
  resources: Resource[];
}

/**
 * The bookable-or-soon-bookable resources (retired ones left out), grouped by type in the
 * types' order, each group by code. Resources are not secret: every signed-in user sees them.
 */
export async function listResourcesByType(db: Db): Promise<ResourceGroup[]> {
  const rows = await db
    .select({ resource: resources, type: resourceTypes })
    .from(resources)
    .innerJoin(resourceTypes, eq(resources.typeId, resourceTypes.id))
    .where(ne(resources.state, 'retired'))
    .orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code), asc(resources.code));
  const groups: ResourceGroup[] = [];
  for (const { resource, type } of rows) {
    const last = groups.at(-1);
    if (last?.type.id === type.id) last.resources.push(resource);
    else groups.push({ type, resources: [resource] });
  }
  return groups;
}

/** One resource with its type, retired or not (what the API answers after a change). */
export async function getResourceWithType(db: Db, id: string): Promise<ResourceWithType> {
  const [row] = isUuid(id)
    ? await db.select({ resource: resources, type: resourceTypes }).from(resources).innerJoin(resourceTypes, eq(resources.typeId, resourceTypes.id)).where(eq(resources.id, id))
    : [];
  if (!row) throw new DomainError('not_found');
  return { ...row.resource, type: row.type };
}
