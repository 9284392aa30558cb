import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { fieldClasses, Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { bookingChannel, bookingStatus, requesterKind, type Department, type ResourceType } from '@/db/schema';
import type { ResourceWithType } from '@/lib/booking/queries';
import { REGISTER_SORTS } from '@/lib/booking/register';
import type { RegisterSearch } from '@/lib/booking/register-search';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { cn } from '@/lib/utils';

/**
 * The register's search and filters: a plain GET form with native controls, so it works without
 * JavaScript and every filtered view is a link that can be shared or bookmarked.
 */
export function RegisterFilters({
  search,
  resources,
  types,
  departments,
  locale,
}: {
  search: RegisterSearch;
  resources: ResourceWithType[];
  types: ResourceType[];
  departments: Department[];
  locale: AppLocale;
}) {
  const t = useTranslations('register');
  const tStatus = useTranslations('status');
  const tChannel = useTranslations('channel');
  const select = cn(fieldClasses, 'h-10 py-2');
  const byType = types
    .map((type) => ({ type, items: resources.filter((r) => r.typeId === type.id) }))
    .filter((group) => group.items.length > 0);
  const active = Object.entries(search).some(([key, value]) => key !== 'sort' && key !== 'after' && Boolean(value));

  const choice = (name: string, label: string, value: string | undefined, options: [string, string][]) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`register-${name}`}>{label}</Label>
      <select id={`register-${name}`} name={name} defaultValue={value ?? ''} className={select}>
        <option value="">{t('filters.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form method="get" action="/admin/bookings" role="search" aria-label={t('filters.label')} className="mb-6 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="register-q">{t('filters.q')}</Label>
        <Input id="register-q" name="q" type="search" defaultValue={search.q ?? ''} maxLength={100} aria-describedby="register-q-hint" />
        <p id="register-q-hint" className="text-xs text-slate-600">
          {t('filters.qHint')}
        </p>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {choice('status', t('filters.status'), search.status, bookingStatus.enumValues.map((s) => [s, tStatus(s)]))}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="register-resource">{t('filters.resource')}</Label>
          <select id="register-resource" name="resource" defaultValue={search.resource ?? ''} className={select}>
            <option value="">{t('filters.all')}</option>
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
        {choice('type', t('filters.type'), search.type, types.map((type) => [type.id, localizedName(type, locale)]))}
        {choice('department', t('filters.department'), search.department, departments.map((d) => [d.id, localizedName(d, locale)]))}
        {choice('channel', t('filters.channel'), search.channel, bookingChannel.enumValues.map((c) => [c, tChannel(c)]))}
        {choice('kind', t('filters.kind'), search.kind, requesterKind.enumValues.map((k) => [k, t(`kind.${k}`)]))}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="register-from">{t('filters.from')}</Label>
          <Input id="register-from" name="from" type="date" defaultValue={search.from ?? ''} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="register-to">{t('filters.to')}</Label>
          <Input id="register-to" name="to" type="date" defaultValue={search.to ?? ''} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="register-sort">{t('filters.sort')}</Label>
          <select id="register-sort" name="sort" defaultValue={search.sort} className={select}>
            {REGISTER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2 sm:mt-4">
        <Button type="submit">{t('filters.apply')}</Button>
        {active && (
          <Button asChild variant="outline">
            <Link href="/admin/bookings">{t('filters.clear')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
