import type { AppLocale } from './config';

/** Picks the name in the reader's language from a row that carries both (`nameZh`/`nameEn`). */
export function localizedName(row: { nameZh: string; nameEn: string }, locale: AppLocale): string {
  return locale === 'en' ? row.nameEn || row.nameZh : row.nameZh;
}

/** Same for the resource notes for users (注意事项). */
export function localizedNotes(row: { notesZh: string; notesEn: string }, locale: AppLocale): string {
  return locale === 'en' ? row.notesEn || row.notesZh : row.notesZh;
}

/** Where a resource is, in the reader's language (the Chinese when no English is kept). */
export function localizedLocation(row: { location: string; locationEn: string }, locale: AppLocale): string {
  return locale === 'en' ? row.locationEn || row.location : row.location;
}

/** A resource's facilities in the reader's language, item by item (an item without English stays Chinese). */
export function localizedFacilities(row: { facilities: string[]; facilitiesEn: string[] }, locale: AppLocale): string[] {
  return locale === 'en' ? row.facilities.map((zh, i) => row.facilitiesEn[i] || zh) : row.facilities;
}
