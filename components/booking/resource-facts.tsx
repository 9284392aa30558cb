'use client';

import { ClockIcon, MapPinIcon, UsersIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ResourceOption } from '@/lib/staff-booking/resource-options';

/** What staff should know of the chosen resource before booking it: place, size, hours, facilities, notes. */
export function ResourceFacts({ resource }: { resource: ResourceOption }) {
  const t = useTranslations('booking');
  const tCommon = useTranslations('common');
  return (
    <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-3 text-sm" aria-live="polite">
      <p className="font-medium text-slate-900">
        {resource.name} <span className="font-mono text-xs text-slate-500">{resource.code}</span>
      </p>
      <dl className="grid gap-x-4 gap-y-1.5 text-slate-700 sm:grid-cols-2">
        <div className="flex items-center gap-1.5">
          <dt>
            <MapPinIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.location')}</span>
          </dt>
          <dd>{resource.location}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt>
            <UsersIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.capacity')}</span>
          </dt>
          <dd>{tCommon('people', { count: resource.capacity })}</dd>
        </div>
        <div className="flex items-center gap-1.5 sm:col-span-2">
          <dt>
            <ClockIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.hours')}</span>
          </dt>
          <dd>
            {t('new.hours', { opens: resource.opensAt, closes: resource.closesAt })}
            {' · '}
            {resource.workingDaysOnly ? t('new.workingDaysOnly') : t('new.everyDay')}
            {' · '}
            {t('new.maxDuration', { duration: tCommon('minutes', { count: resource.maxDurationMinutes }) })}
          </dd>
        </div>
      </dl>
      {resource.facilities.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="sr-only">{t('fields.facilities')}</span>
          {resource.facilities.map((facility) => (
            <Badge key={facility} variant="outline">
              {facility}
            </Badge>
          ))}
        </div>
      )}
      {resource.notes && (
        <p className="text-slate-700">{t('new.notesLine', { notes: resource.notes })}</p>
      )}
    </div>
  );
}
