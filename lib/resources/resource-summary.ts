/**
 * What every resource picker shows of a resource, staff's and customers' alike: plain data in
 * the reader's language, opening hours as 'HH:MM'. Pure, for server and browser.
 */
import type { Resource } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedFacilities, localizedLocation, localizedName, localizedNotes } from '@/lib/i18n/localized';
import { clockTime } from './format';

export interface ResourceSummary {
  id: string;
  code: string;
  name: string;
  location: string;
  capacity: number;
  facilities: string[];
  notes: string;
  opensAt: string;
  closesAt: string;
  workingDaysOnly: boolean;
  maxDurationMinutes: number;
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
}

/** A ledger row, or the public fields of one (lib/customer/public.ts), whose hours may already be 'HH:MM'. */
type SummarizedFields = Pick<
  Resource,
  | 'id'
  | 'code'
  | 'nameZh'
  | 'nameEn'
  | 'location'
  | 'locationEn'
  | 'capacity'
  | 'facilities'
  | 'facilitiesEn'
  | 'notesZh'
  | 'notesEn'
  | 'opensAt'
  | 'closesAt'
  | 'workingDaysOnly'
  | 'maxDurationMinutes'
  | 'setupBufferMinutes'
  | 'cleanupBufferMinutes'
>;

export function resourceSummary(r: SummarizedFields, locale: AppLocale): ResourceSummary {
  return {
    id: r.id,
    code: r.code,
    name: localizedName(r, locale),
    location: localizedLocation(r, locale),
    capacity: r.capacity,
    facilities: localizedFacilities(r, locale),
    notes: localizedNotes(r, locale),
    opensAt: clockTime(r.opensAt),
    closesAt: clockTime(r.closesAt),
    workingDaysOnly: r.workingDaysOnly,
    maxDurationMinutes: r.maxDurationMinutes,
    setupBufferMinutes: r.setupBufferMinutes,
    cleanupBufferMinutes: r.cleanupBufferMinutes,
  };
}
