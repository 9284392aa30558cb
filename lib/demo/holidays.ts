/** The official 2026 holiday calendar of the People's Republic of China, as bundled with the app. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHolidayCsv } from '@/lib/calendar/holiday-import';

export function loadBundledHolidays() {
  return parseHolidayCsv(readFileSync(join(process.cwd(), 'db', 'data', 'holidays-cn-2026.csv'), 'utf8'));
}
