'use server';

/**
 * The holiday calendar's forms. Each action reads the form, gets the actor and calls
 * lib/admin/holidays.ts, which checks that the actor is admin. Refusals come back as messages
 * of the `holidays` namespace (a bad import line with its number), translated here.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { addHoliday, importHolidays, MAX_IMPORT_CHARS, removeHoliday, updateHoliday, type ImportResult } from '@/lib/admin/holidays';
import { currentActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { localizeError } from '@/lib/i18n/error-message';

export type HolidayFormState = {
  error: string;
  fields?: Record<string, string>;
  values: Record<string, string>;
} | null;

export type ImportState = { ok: true; result: ImportResult } | { ok: false; error: string } | null;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

const yearOf = (date: string) => (/^\d{4}-/.test(date) ? date.slice(0, 4) : '');
const back = (year: string, notice: string) => `/admin/holidays?${new URLSearchParams({ ...(year && { year }), notice })}`;

/** Translates a refusal: per-field keys of `holidays.errors`, or the domain error's own message. */
async function refusal(error: unknown): Promise<{ error: string; fields?: Record<string, string> }> {
  const t = await getTranslations('holidays.errors');
  if (isDomainError(error) && error.code === 'invalid_input' && error.details.fields) {
    const params = error.details.params ?? {};
    const fields = Object.fromEntries(
      Object.entries(error.details.fields).map(([name, [key]]) => [name, t.has(key) ? t(key, params) : key]),
    );
    return { error: fields.file ?? t('checkFields'), fields };
  }
  return { error: (await localizeError(error)).message };
}

/** Adds a day, or (mode=edit) changes the kind and name of an existing one. */
export async function saveHolidayAction(_prev: HolidayFormState, form: FormData): Promise<HolidayFormState> {
  const values = { date: field(form, 'date'), kind: field(form, 'kind'), name: field(form, 'name') };
  const editing = field(form, 'mode') === 'edit';
  try {
    const actor = await currentActor();
    const db = await getDb();
    if (editing) await updateHoliday(db, actor, values);
    else await addHoliday(db, actor, values);
  } catch (error) {
    return { ...(await refusal(error)), values };
  }
  revalidatePath('/admin/holidays');
  redirect(back(yearOf(values.date), editing ? 'updated' : 'added'));
}

export async function removeHolidayAction(form: FormData): Promise<void> {
  const date = field(form, 'date');
  let notice = 'removed';
  try {
    await removeHoliday(await getDb(), await currentActor(), { date });
  } catch (error) {
    // Already removed (another tab, another admin): say so instead of failing the page.
    if (!isDomainError(error) || !['not_found', 'invalid_input'].includes(error.code)) throw error;
    notice = 'removeFailed';
  }
  revalidatePath('/admin/holidays');
  redirect(back(yearOf(date), notice));
}

export async function importHolidaysAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const t = await getTranslations('holidays.errors');
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: t('empty_file') };
  // Characters are at most 4 bytes in UTF-8: a bigger file cannot be within the limit.
  if (file.size > MAX_IMPORT_CHARS * 4) return { ok: false, error: t('too_large') };
  const isIcs = /\.ics$/i.test(file.name) || file.type === 'text/calendar';
  try {
    const result = await importHolidays(await getDb(), await currentActor(), {
      text: await file.text(),
      format: isIcs ? 'ics' : undefined,
      replace: form.get('replace') === 'on',
    });
    revalidatePath('/admin/holidays');
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: (await refusal(error)).error };
  }
}
