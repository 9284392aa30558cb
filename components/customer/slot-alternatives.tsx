'use client';

import { useTranslations } from 'next-intl';
import type { SlotAlternative } from '@/app/(portal)/bookings/action-result';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import type { BookableResource } from './bookable-resource';

/**
 * Ranked alternatives for a slot that cannot be had (a taken slot, too short a notice), best
 * first as the server ranked them; each is requested with one click.
 */
export function SlotAlternatives({
  alternatives,
  resources,
  timeZone,
  locale,
  disabled,
  onTake,
}: {
  alternatives: SlotAlternative[];
  resources: BookableResource[];
  timeZone: string;
  locale: AppLocale;
  disabled: boolean;
  onTake: (alternative: SlotAlternative) => void;
}) {
  const t = useTranslations('book.alternatives');
  const tCommon = useTranslations('common');
  return (
    <section aria-labelledby="alternatives-heading" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h3 id="alternatives-heading" className="text-base font-semibold text-slate-900">
          {t('heading')}
        </h3>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      <ol className="grid gap-3 sm:grid-cols-2">
        {alternatives.map((alternative, index) => {
          const resource = resources.find((r) => r.id === alternative.resourceId);
          const name = resource ? resource.name : alternative.resourceId;
          const when = formatRange(new Date(alternative.startAt), new Date(alternative.endAt), locale, timeZone);
          return (
            <li
              key={`${alternative.resourceId}-${alternative.startAt}`}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
            >
              <div className="flex items-center justify-between gap-2">
                <span className="text-xs font-semibold text-slate-500">{t('rank', { rank: index + 1 })}</span>
                <Badge variant={alternative.kind === 'same_resource' ? 'info' : 'outline'}>{t(alternative.kind)}</Badge>
              </div>
              <p className="font-medium text-slate-900">
                <time dateTime={alternative.startAt}>{when}</time>
              </p>
              <p className="text-slate-700">
                {name}
                {resource && alternative.kind === 'other_resource' && (
                  <span className="text-slate-500">
                    {' · '}
                    {resource.location} · {tCommon('people', { count: resource.capacity })}
                  </span>
                )}
              </p>
              <Button
                variant="outline"
                className="mt-auto"
                disabled={disabled}
                aria-label={t('takeLabel', { resource: name, time: when })}
                onClick={() => onTake(alternative)}
              >
                {t('take')}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
