/** The resource types for the editor's type picker, named in the reader's language. */
import { asc } from 'drizzle-orm';
import type { Db } from '@/db';
import { resourceTypes } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';

export async function typeOptions(db: Db, locale: AppLocale): Promise<{ id: string; name: string }[]> {
  const rows = await db.select().from(resourceTypes).orderBy(asc(resourceTypes.sortOrder), asc(resourceTypes.code));
  return rows.map((type) => ({ id: type.id, name: localizedName(type, locale) }));
}
