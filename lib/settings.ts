/** Policy values (one row) and the holiday calendar, read fresh for each operation. */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { holidays, policySettings, type PolicySettings } from '@/db/schema';
import type { HolidayCalendar } from './calendar/working-days';

export async function getSettings(db: Db): Promise<PolicySettings> {
  const [row] = await db.select().from(policySettings).where(eq(policySettings.id, 1));
  if (row) return row;
  // A database migrated but never seeded still answers with the product defaults.
  const [created] = await db.insert(policySettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await db.select().from(policySettings).where(eq(policySettings.id, 1)))[0];
}

export async function getHolidayCalendar(db: Db): Promise<HolidayCalendar> {
  const rows = await db.select({ date: holidays.date, kind: holidays.kind }).from(holidays);
  return new Map(rows.map((r) => [r.date, r.kind]));
}
