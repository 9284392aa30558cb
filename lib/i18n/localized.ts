import type { AppLocale } from './config';

/** Picks the name in the reader's language from a row that carries both (`nameZh`/`nameEn`). */
export function localizedName(row: { nameZh: string; nameEn: string }, locale: AppLocale): string {
  return locale === 'en' ? row.nameEn || row.nameZh : row.nameZh;
}

/** Same for the resource notes for users (注意事项). */
export function localizedNotes(row: { notesZh: string; notesEn: string }, locale: AppLocale): string {
  return locale === 'en' ? row.notesEn || row.notesZh : row.notesZh;
}
