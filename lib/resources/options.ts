/** Choices for filters and forms: departments, resource types, resources (no personal data). */
import { asc, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { departments, resources, resourceTypes, type Department, type Resource, type ResourceType } from '@/db/schema';

export function listDepartments(db: Db): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

export function listResourceTypes(db: Db): Promise<ResourceType[]> {
  return db.select().from(resourceTypes).orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code));
}

/** Resources not retired, by code: the "which resource" choice of suggestions and rectification items. */
export function listResourceChoices(db: Db): Promise<Pick<Resource, 'id' | 'code' | 'nameZh' | 'nameEn'>[]> {
  return db
    .select({ id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn })
    .from(resources)
    .where(ne(resources.state, 'retired'))
    .orderBy(asc(resources.code));
}
