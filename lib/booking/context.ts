/** Policy values and the holiday calendar, read once per operation (they are admin settings). */
import type { Db } from '@/db';
import type { PolicySettings } from '@/db/schema';
import { getHolidayCalendar, getSettings } from '@/lib/settings';
import type { PolicyContext } from './rules';

export type LoadedContext = PolicyContext & { settings: PolicySettings };

export async function loadPolicyContext(db: Db, now: Date = new Date()): Promise<LoadedContext> {
  const [settings, calendar] = await Promise.all([getSettings(db), getHolidayCalendar(db)]);
  return { settings, calendar, now };
}
