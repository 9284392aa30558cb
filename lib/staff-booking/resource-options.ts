/** The resources as the booking pages' pickers show them: plain data in the reader's language. */
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import type { ResourceGroup } from '@/lib/resources/queries';
import { resourceSummary, type ResourceSummary } from '@/lib/resources/resource-summary';
import type { Resource } from '@/db/schema';

export interface ResourceOption extends ResourceSummary {
  state: Resource['state'];
}

export interface ResourceOptionGroup {
  typeId: string;
  typeName: string;
  resources: ResourceOption[];
}

export function resourceOptions(groups: ResourceGroup[], locale: AppLocale): ResourceOptionGroup[] {
  return groups.map(({ type, resources }) => ({
    typeId: type.id,
    typeName: localizedName(type, locale),
    resources: resources.map((r) => ({ ...resourceSummary(r, locale), state: r.state })),
  }));
}

/** What the calendar page shows of a resource: the rest of a picker's summary would only weigh on the page. */
export type CalendarResource = Pick<ResourceOption, 'id' | 'code' | 'name' | 'state' | 'opensAt' | 'closesAt'>;
export type CalendarResourceGroup = Omit<ResourceOptionGroup, 'resources'> & { resources: CalendarResource[] };

export function calendarResources(groups: ResourceOptionGroup[]): CalendarResourceGroup[] {
  return groups.map((group) => ({
    ...group,
    resources: group.resources.map(({ id, code, name, state, opensAt, closesAt }) => ({ id, code, name, state, opensAt, closesAt })),
  }));
}

/** The hours a time grid shows for some resources: from before the earliest opening to after the latest closing. */
export function visibleHours(resources: Pick<ResourceOption, 'opensAt' | 'closesAt'>[]): { minTime: string; maxTime: string } {
  if (resources.length === 0) return { minTime: '08:00', maxTime: '19:00' };
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const opens = Math.min(...resources.map((r) => minutes(r.opensAt)));
  const closes = Math.max(...resources.map((r) => minutes(r.closesAt)));
  const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return { minTime: hour(Math.max(0, Math.floor((opens - 30) / 60))), maxTime: hour(Math.min(24, Math.ceil((closes + 30) / 60))) };
}
