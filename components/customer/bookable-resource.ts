/**
 * A customer-bookable resource as the customer pages show it: the public fields
 * (lib/customer/public.ts) in the reader's language. Pure, for server and browser.
 */
import type { PublicResource } from '@/lib/customer/public';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName, localizedNotes } from '@/lib/i18n/localized';

export interface BookableResource {
  id: string;
  code: string;
  name: string;
  typeCode: string;
  typeName: string;
  location: string;
  capacity: number;
  facilities: string[];
  notes: string;
  opensAt: string;
  closesAt: string;
  workingDaysOnly: boolean;
  maxDurationMinutes: number;
}

export function bookableResources(resources: PublicResource[], locale: AppLocale): BookableResource[] {
  return resources.map((r) => ({
    id: r.id,
    code: r.code,
    name: localizedName(r, locale),
    typeCode: r.type.code,
    typeName: localizedName(r.type, locale),
    location: r.location,
    capacity: r.capacity,
    facilities: r.facilities,
    notes: localizedNotes(r, locale),
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    workingDaysOnly: r.workingDaysOnly,
    maxDurationMinutes: r.maxDurationMinutes,
  }));
}
