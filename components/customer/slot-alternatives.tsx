'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { SlotAlternative } from '@/lib/forms/action-result';
import { isLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { cn } from '@/lib/utils';
import type { BookableResource } from './bookable-resource';

/**
 * Each page keeps its own wording: the customer pages number the offers, the staff booking page
 * names each resource with its code.
 */
const WORDING = {
  'book.alternatives': { take: 'take', takeLabel: 'takeLabel', rank: 'rank', resourceName: null },
  'booking.alternatives': { take: 'bookThis', takeLabel: 'bookThisLabel', rank: null, resourceName: 'resourceName' },
} as const;

/**
 * Ranked alternatives for a slot that cannot be had (a taken slot, too short a notice), best
 * first as the server ranked them; each is requested with one click. Shared by the customer
 * request forms and the staff booking form.
 */
export function SlotAlternatives({
  alternatives,
  wantedResourceId,
  resources,
  timeZone,
  disabled,
  onTake,
  messages = 'book.alternatives',
  headingLevel = 'h3',
}: {
  alternatives: SlotAlternative[];
  /** The resource asked for: an offer on it is a nearby time, any other a different resource. */
  wantedResourceId: string;
  resources: Pick<BookableResource, 'id' | 'code' | 'name' | 'location' | 'capacity'>[];
  timeZone: string;
  disabled: boolean;
  onTake: (alternative: SlotAlternative) => void;
  messages?: keyof typeof WORDING;
  /** h2 where the list stands on its own in the form, h3 inside a form section. */
  headingLevel?: 'h2' | 'h3';
}) {
  const t = useTranslations(messages);
  const localeValue = useLocale();
  const locale = isLocale(localeValue) ? localeValue : 'zh';
  const tCommon = useTranslations('common');
  const wording = WORDING[messages];
  const Heading = headingLevel;
  return (
    <section aria-labelledby="alternatives-heading" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Heading id="alternatives-heading" className={cn('font-semibold text-slate-900', headingLevel === 'h2' ? 'text-lg' : 'text-base')}>
          {t('heading')}
        </Heading>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      <ol className="grid gap-3 sm:grid-cols-2">
        {alternatives.map((alternative, index) => {
          const resource = resources.find((r) => r.id === alternative.resourceId);
          const kind = alternative.resourceId === wantedResourceId ? 'same_resource' : 'other_resource';
          const name = !resource
            ? alternative.resourceId
            : wording.resourceName
              ? t(wording.resourceName, { name: resource.name, code: resource.code })
              : resource.name;
          const when = formatRange(new Date(alternative.startAt), new Date(alternative.endAt), locale, timeZone);
          return (
            <li
              key={`${alternative.resourceId}-${alternative.startAt}`}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
            >
              <div className="flex items-center justify-between gap-2">
                {wording.rank && <span className="text-xs font-semibold text-slate-500">{t(wording.rank, { rank: index + 1 })}</span>}
                <Badge variant={kind === 'same_resource' ? 'info' : 'outline'}>{t(kind)}</Badge>
              </div>
              <p className="font-medium text-slate-900">
                <time dateTime={alternative.startAt}>{when}</time>
              </p>
              <p className="text-slate-700">
                {name}
                {resource && kind === 'other_resource' && (
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
                aria-label={t(wording.takeLabel, { resource: name, time: when })}
                onClick={() => onTake(alternative)}
              >
                {t(wording.take)}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
