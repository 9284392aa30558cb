/**
 * Admin keeps the company holiday calendar: official holidays (法定节假日) and weekend make-up
 * working days (调休上班). The working-day rules read it fresh for every operation
 * (lib/settings.ts `getHolidayCalendar`), so a change applies to the next request at once.
 *
 * Errors are `invalid_input` with per-field message paths of the `holidays.errors` messages
 * (`H.exists` is 'holidays.errors.exists'); a bad import line carries its number in `params.line`.
 */
import { and, asc, eq, gte, lt, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { holidays, type Holiday } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { fieldErrors } from '@/lib/booking/schemas';
import { HolidayImportError, parseHolidayCsv, parseHolidayIcs, type HolidayEntry } from '@/lib/calendar/holiday-import';
import { DomainError } from '@/lib/errors';

const ERROR_KEYS = [
  'required',
  'invalid_date',
  'invalid_choice',
  'too_long',
  'exists',
  'empty_file',
  'too_large',
  'bad_entry',
  'bad_ics',
  'bad_line',
  'invalid_year',
] as const;

/** The message path of an error key: `H.exists` is 'holidays.errors.exists'. */
export const H = Object.fromEntries(ERROR_KEYS.map((key) => [key, `holidays.errors.${key}`])) as {
  [K in (typeof ERROR_KEYS)[number]]: `holidays.errors.${K}`;
};

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** A year's calendar is a few dozen lines; anything far bigger is not a holiday file. */
export const MAX_IMPORT_CHARS = 200_000;
const MAX_IMPORT_ENTRIES = 2_000;

const dateField = z
  .string({ error: H.required })
  .trim()
  .min(1, H.required)
  .pipe(z.iso.date(H.invalid_date))
  .refine((d) => Number(d.slice(0, 4)) >= MIN_YEAR && Number(d.slice(0, 4)) <= MAX_YEAR, H.invalid_date);

export const holidaySchema = z.object({
  date: dateField,
  kind: z.enum(['holiday', 'makeup_workday'], { error: H.invalid_choice }),
  name: z.string({ error: H.required }).trim().min(1, H.required).max(100, H.too_long),
});

export type HolidayInput = z.output<typeof holidaySchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  return result.data;
}

const yearSchema = z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR);

function yearRange(year: number) {
  return and(gte(holidays.date, `${year}-01-01`), lt(holidays.date, `${year + 1}-01-01`));
}

/** The days of one calendar year, in date order. */
export async function listHolidays(db: Db, actor: Actor, year: number): Promise<Holiday[]> {
  requireAdmin(actor);
  const parsed = yearSchema.safeParse(year);
  if (!parsed.success) throw new DomainError('invalid_input', undefined, { fields: { year: [H.invalid_year] } });
  return db.select().from(holidays).where(yearRange(parsed.data)).orderBy(asc(holidays.date));
}

/** Years that have at least one entry, newest first (for the year selector). */
export async function listHolidayYears(db: Db, actor: Actor): Promise<number[]> {
  requireAdmin(actor);
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${holidays.date})::int` })
    .from(holidays)
    .orderBy(sql`1 desc`);
  return rows.map((r) => Number(r.year));
}

export async function addHoliday(db: Db, actor: Actor, input: unknown): Promise<Holiday> {
  const admin = requireAdmin(actor);
  const entry = parse(holidaySchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(holidays).values(entry).onConflictDoNothing({ target: holidays.date }).returning();
    if (!row) throw new DomainError('invalid_input', undefined, { fields: { date: [H.exists] } });
    await recordAudit(tx, admin, { entity: 'holiday', entityId: row.date, verb: 'create', after: { kind: row.kind, name: row.name } });
    return row;
  });
}

/** Changes the kind and name of a day (a day moved to another date is removed and added). */
export async function updateHoliday(db: Db, actor: Actor, input: unknown): Promise<Holiday> {
  const admin = requireAdmin(actor);
  const { date, kind, name } = parse(holidaySchema, input);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(holidays).where(eq(holidays.date, date)).for('update');
    if (!current) throw new DomainError('not_found');
    const [row] = await tx.update(holidays).set({ kind, name }).where(eq(holidays.date, date)).returning();
    const change = changedFields({ kind: current.kind, name: current.name }, { kind, name });
    if (Object.keys(change.after).length > 0) await recordAudit(tx, admin, { entity: 'holiday', entityId: date, verb: 'update', ...change });
    return row;
  });
}

export async function removeHoliday(db: Db, actor: Actor, input: { date: unknown }): Promise<void> {
  const admin = requireAdmin(actor);
  const { date } = parse(z.object({ date: dateField }), input);
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(holidays).where(eq(holidays.date, date)).returning();
    if (!row) throw new DomainError('not_found');
    await recordAudit(tx, admin, { entity: 'holiday', entityId: date, verb: 'remove', before: { kind: row.kind, name: row.name } });
  });
}

export interface ImportInput {
  text: string;
  /** Detected from the content when omitted (an iCalendar file starts with BEGIN:VCALENDAR). */
  format?: 'csv' | 'ics';
  /** Also remove the days of the file's years that the file does not list (a corrected schedule). */
  replace?: boolean;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  years: number[];
}

/**
 * Imports a CSV (`date,kind,name`) or .ics calendar: every line is checked first, then all days
 * are upserted in one transaction — a bad line imports nothing.
 */
export async function importHolidays(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const admin = requireAdmin(actor);
  const entries = parseImport(input);
  const years = [...new Set(entries.map((e) => Number(e.date.slice(0, 4))))].sort();
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(holidays)
      .values(entries)
      .onConflictDoUpdate({
        target: holidays.date,
        set: { kind: sql`excluded.kind`, name: sql`excluded.name` },
        // Rows that already say the same are left alone, so they count as unchanged.
        setWhere: sql`(${holidays.kind}, ${holidays.name}) IS DISTINCT FROM (excluded.kind, excluded.name)`,
      })
      // xmax is 0 only on a freshly inserted row version.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const inserted = written.filter((r) => r.inserted).length;
    const updated = written.length - inserted;
    let removed = 0;
    if (input.replace) {
      const dates = entries.map((e) => e.date);
      for (const year of years) {
        const gone = await tx
          .delete(holidays)
          .where(and(yearRange(year), notInArray(holidays.date, dates)))
          .returning({ date: holidays.date });
        removed += gone.length;
      }
    }
    if (inserted + updated + removed > 0) {
      await recordAudit(tx, admin, { entity: 'holiday', entityId: years.join(','), verb: 'import', after: { inserted, updated, removed } });
    }
    return { inserted, updated, unchanged: entries.length - written.length, removed, years };
  });
}

function parseImport({ text, format }: ImportInput): HolidayEntry[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new DomainError('invalid_input', undefined, { fields: { file: [H.empty_file] } });
  }
  if (text.length > MAX_IMPORT_CHARS) throw new DomainError('invalid_input', undefined, { fields: { file: [H.too_large] } });
  const isIcs = (format ?? (/^\s*BEGIN:VCALENDAR/i.test(text) ? 'ics' : 'csv')) === 'ics';
  let entries: HolidayEntry[];
  try {
    entries = isIcs ? parseHolidayIcs(text) : parseHolidayCsv(text);
  } catch (error) {
    // ical.js may fail anywhere in a broken file; the CSV reader names the line.
    if (isIcs) throw badLine(text, 0);
    if (error instanceof HolidayImportError) throw badLine(text, error.line);
    throw error;
  }
  if (entries.length === 0) throw new DomainError('invalid_input', undefined, { fields: { file: [H.empty_file] } });
  if (entries.length > MAX_IMPORT_ENTRIES) throw new DomainError('invalid_input', undefined, { fields: { file: [H.too_large] } });
  // The .ics reader does not check names or years; hold every day to the same rules as a form.
  for (const entry of entries) {
    const checked = holidaySchema.safeParse(entry);
    if (!checked.success) {
      throw new DomainError('invalid_input', undefined, { fields: { file: [H.bad_entry] }, params: { date: entry.date } });
    }
  }
  return entries;
}

/** `line` 0: the file as a whole is not readable (an .ics that does not parse). */
function badLine(text: string, line: number): DomainError {
  if (line === 0) return new DomainError('invalid_input', undefined, { fields: { file: [H.bad_ics] } });
  const content = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1] ?? '').trim().slice(0, 120);
  return new DomainError('invalid_input', undefined, { fields: { file: [H.bad_line] }, params: { line, content } });
}
