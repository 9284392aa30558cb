import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { fieldClasses, Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { Department, ResourceType } from '@/db/schema';
import type { ReviewQueueFilters } from '@/lib/booking/queries';
import type { ResourceWithType } from '@/lib/booking/queries';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { cn } from '@/lib/utils';
import type { ReviewTab } from '@/lib/booking/review-queue';

/**
 * The queue's filters: a plain GET form with native selects, so it works without JavaScript
 * and the filtered view is a link that can be shared or bookmarked.
 */
export function ReviewFilters({
  tab,
  filters,
  resources,
  types,
  departments,
  locale,
}: {
  tab: ReviewTab;
  filters: ReviewQueueFilters;
  resources: ResourceWithType[];
  types: ResourceType[];
  departments: Department[];
  locale: AppLocale;
}) {
  const t = useTranslations('review.filters');
  const byType = types
    .map((type) => ({ type, items: resources.filter((r) => r.typeId === type.id) }))
    .filter((group) => group.items.length > 0);
  const select = cn(fieldClasses, 'h-10 py-2');
  const active = Object.values(filters).some(Boolean);

  return (
    <form method="get" action="/admin/review" role="search" aria-label={t('label')} className="mb-6 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <input type="hidden" name="tab" value={tab} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-resource">{t('resource')}</Label>
          <select id="filter-resource" name="resource" defaultValue={filters.resourceId ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {byType.map(({ type, items }) => (
              <optgroup key={type.id} label={localizedName(type, locale)}>
                {items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.code} {localizedName(r, locale)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-type">{t('type')}</Label>
          <select id="filter-type" name="type" defaultValue={filters.typeId ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {localizedName(type, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-department">{t('department')}</Label>
          <select id="filter-department" name="department" defaultValue={filters.departmentId ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {localizedName(d, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-date">{t('date')}</Label>
          <Input id="filter-date" name="date" type="date" defaultValue={filters.date ?? ''} />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2 sm:mt-4">
        <Button type="submit">{t('apply')}</Button>
        {active && (
          <Button asChild variant="outline">
            <Link href={`/admin/review?tab=${tab}`}>{t('clear')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
