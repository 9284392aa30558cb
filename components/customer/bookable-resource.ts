/**
 * A customer-bookable resource as the customer pages show it: the public fields
 * (lib/customer/public.ts) in the reader's language. Pure, for server and browser.
 */
import type { PublicResource } from '@/lib/customer/public';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { resourceSummary, type ResourceSummary } from '@/lib/resources/resource-summary';

export interface BookableResource extends ResourceSummary {
  typeCode: string;
  typeName: string;
}

export function bookableResources(resources: PublicResource[], locale: AppLocale): BookableResource[] {
  return resources.map((r) => ({
    ...resourceSummary(r, locale),
    typeCode: r.type.code,
    typeName: localizedName(r.type, locale),
  }));
}
