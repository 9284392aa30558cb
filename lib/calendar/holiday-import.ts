/**
 * Reads a holiday calendar from the published CSV format (date,kind,name) or from an iCalendar
 * file. The seed loads the official 2026 schedule with this; admin's import uses it too.
 */
import ICAL from 'ical.js';
import { z } from 'zod';
import type { DayKind } from './working-days';

export interface HolidayEntry {
  date: string;
  kind: DayKind;
  name: string;
}

export class HolidayImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const entrySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'makeup_workday']),
  name: z.string().trim().min(1).max(100),
});

/** Spreadsheet exports quote text fields: "劳动节" → 劳动节. */
function unquote(field: string): string {
  const trimmed = field.trim();
  return /^".*"$/.test(trimmed) ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
}

export function parseHolidayCsv(text: string): HolidayEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: HolidayEntry[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || (index === 0 && /^date\s*,/i.test(line))) return;
    const [date = '', kind = '', ...name] = line.split(',');
    const parsed = entrySchema.safeParse({ date: unquote(date), kind: unquote(kind), name: unquote(name.join(',')) });
    if (!parsed.success) throw new HolidayImportError(index + 1, parsed.error.issues[0]?.message ?? 'invalid');
    entries.push(parsed.data);
  });
  return dedupe(entries);
}

/**
 * An .ics calendar: each all-day VEVENT covers one or more days. Events whose summary says
 * 班 / 补班 / 调休上班 / "working day" are make-up working days; all others are holidays.
 */
export function parseHolidayIcs(text: string): HolidayEntry[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new HolidayImportError(1, 'not an iCalendar file');
  }
  const entries: HolidayEntry[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const summary = (event.summary ?? '').trim();
    const kind: DayKind = /补班|上班|\(班\)|（班）|^班|working day|workday/i.test(summary) ? 'makeup_workday' : 'holiday';
    const name = summary.replace(/[（(]?(补班|上班|班|休)[）)]?$/u, '').trim() || summary || '—';
    const start = event.startDate;
    const end = event.endDate ?? start;
    const first = start.toString().slice(0, 10);
    const last = end.toString().slice(0, 10);
    for (let day = first; day < last || day === first; ) {
      entries.push({ date: day, kind, name });
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (day >= last) break;
    }
  }
  return dedupe(entries);
}

function dedupe(entries: HolidayEntry[]): HolidayEntry[] {
  const byDate = new Map<string, HolidayEntry>();
  for (const entry of entries) byDate.set(entry.date, entry);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
