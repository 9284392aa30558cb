'use client';

import {
  BoxesIcon,
  CalendarDaysIcon,
  ClockIcon,
  ForkliftIcon,
  MapPinIcon,
  PresentationIcon,
  StoreIcon,
  UsersIcon,
  type LucideIcon,
} from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cn } from '@/lib/utils';
import type { BookableResource } from './bookable-resource';

/** One picture per resource type; a type an admin adds later gets the calendar. */
const TYPE_ICONS: Record<string, LucideIcon> = {
  meeting_room: PresentationIcon,
  showroom: StoreIcon,
  sample_warehouse: BoxesIcon,
  large_equipment: ForkliftIcon,
};

/**
 * The resources as cards to choose from: a native radio group (arrow keys move the choice),
 * each card with its type's icon, capacity, hours and the notes for users (注意事项).
 */
export function ResourceChoice({
  resources,
  field,
  selectedId,
  error,
  legend,
}: {
  resources: BookableResource[];
  field: UseFormRegisterReturn;
  selectedId: string;
  error?: string;
  legend: string;
}) {
  const t = useTranslations('book.resources');
  const tCommon = useTranslations('common');
  const errorId = error ? 'resource-choice-error' : undefined;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={errorId}>
      <legend className="sr-only">{legend}</legend>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {resources.map((resource) => {
          const Icon = TYPE_ICONS[resource.typeCode] ?? CalendarDaysIcon;
          const selected = resource.id === selectedId;
          return (
            <label
              key={resource.id}
              className={cn(
                'relative flex cursor-pointer flex-col gap-2 rounded-lg border bg-white p-4 text-sm shadow-sm transition-colors',
                // A long list (a hundred resources open to customers) lays out only the cards in view.
                '[content-visibility:auto] [contain-intrinsic-size:auto_10rem]',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                selected ? 'border-blue-700 ring-1 ring-blue-700' : 'border-slate-200 hover:border-slate-400',
              )}
            >
              {/* Checked in the server's HTML too: the choice shows before the page's script has run. */}
              <input type="radio" value={resource.id} className="sr-only" defaultChecked={selected} {...field} />
              <span className="flex items-start gap-3">
                <span
                  className={cn(
                    'flex size-10 shrink-0 items-center justify-center rounded-md',
                    selected ? 'bg-blue-700 text-white' : 'bg-blue-50 text-blue-800',
                  )}
                  aria-hidden
                >
                  <Icon className="size-5" />
                </span>
                <span className="flex min-w-0 flex-col">
                  <span className="font-semibold text-slate-900">{resource.name}</span>
                  <span className="text-xs text-slate-600">
                    {resource.typeName} · <span className="font-mono">{resource.code}</span>
                  </span>
                </span>
              </span>
              <span className="flex flex-col gap-1 text-slate-700">
                <span className="flex items-center gap-1.5">
                  <MapPinIcon className="size-4 shrink-0 text-slate-400" aria-hidden />
                  {resource.location}
                </span>
                <span className="flex items-center gap-1.5">
                  <UsersIcon className="size-4 shrink-0 text-slate-400" aria-hidden />
                  {t('capacity', { people: tCommon('people', { count: resource.capacity }) })}
                </span>
                <span className="flex items-center gap-1.5">
                  <ClockIcon className="size-4 shrink-0 text-slate-400" aria-hidden />
                  {t(resource.workingDaysOnly ? 'hoursWorkingDays' : 'hoursEveryDay', {
                    opens: resource.opensAt,
                    closes: resource.closesAt,
                  })}
                </span>
              </span>
              {resource.notes && (
                <span className="rounded-md bg-amber-50 px-2.5 py-2 text-xs text-amber-950">
                  <span className="font-semibold">{t('notes')}</span> {resource.notes}
                </span>
              )}
              {selected && <span className="sr-only">{t('selected')}</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
