/** Choices for the review dashboard's filters and the coordination form (no personal data). */
import { asc } from 'drizzle-orm';
import type { Db } from '@/db';
import { departments, resourceTypes, type Department, type ResourceType } from '@/db/schema';

export function listDepartments(db: Db): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

export function listResourceTypes(db: Db): Promise<ResourceType[]> {
  return db.select().from(resourceTypes).orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code));
}
