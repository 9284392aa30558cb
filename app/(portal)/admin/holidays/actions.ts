'use server';

/**
 * The holiday calendar's forms. lib/admin/holidays.ts checks that the actor is admin and the
 * values; a refusal comes back with its field messages (a bad import line with its number).
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addHoliday, H, importHolidays, MAX_IMPORT_CHARS, removeHoliday, updateHoliday } from '@/lib/admin/holidays';
import { DomainError } from '@/lib/errors';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';

const yearOf = (date: string) => (/^\d{4}-/.test(date) ? date.slice(0, 4) : '');

/** Back to the year of the day, with a notice. */
function backToYear(notice: 'added' | 'updated' | 'removed', date: string): never {
  revalidatePath('/admin/holidays');
  const year = yearOf(date);
  redirect(`/admin/holidays?${new URLSearchParams({ ...(year && { year }), notice })}`);
}

const text = () => z.string().default('');

/** Adds a day, or (mode=edit) changes the kind and name of an existing one. */
export const saveHolidayAction = serverAction({
  input: z.object({ date: text(), kind: text(), name: text(), mode: text() }),
  run: async ({ db, actor }, { mode, ...day }) => {
    if (mode === 'edit') await updateHoliday(db, actor, day);
    else await addHoliday(db, actor, day);
    return { edited: mode === 'edit' };
  },
  after: ({ edited }, { date }) => backToYear(edited ? 'updated' : 'added', date),
});

export const removeHolidayAction = serverAction({
  input: z.object({ date: text() }),
  run: async ({ db, actor }, input) => {
    await removeHoliday(db, actor, input);
  },
  after: (_data, { date }) => backToYear('removed', date),
});

export const importHolidaysAction = serverAction({
  input: z.object({ file: z.unknown(), replace: formCheckbox() }),
  run: async ({ db, actor }, { file, replace }) => {
    if (!(file instanceof File) || file.size === 0) throw fileError(H.empty_file);
    // Characters are at most 4 bytes in UTF-8: a bigger file cannot be within the limit.
    if (file.size > MAX_IMPORT_CHARS * 4) throw fileError(H.too_large);
    const isIcs = /\.ics$/i.test(file.name) || file.type === 'text/calendar';
    return importHolidays(db, actor, { text: await file.text(), format: isIcs ? 'ics' : undefined, replace });
  },
  message: (t, result) =>
    `${t('holidays.import.done', { years: result.years.join(', ') })} ${t('holidays.import.counts', { ...result, years: '' })}`,
  after: () => revalidatePath('/admin/holidays'),
});

function fileError(key: string): DomainError {
  return new DomainError('invalid_input', undefined, { fields: { file: [key] } });
}
