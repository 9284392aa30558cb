'use client';

/**
 * Every date of a series with its state — free, taken (with the ranked alternatives for that
 * date), not possible under a rule, skipped as a day off, or requested — as a list that reads
 * the same on a phone and a desktop.
 */
import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { OccurrenceView } from '@/lib/booking/series/occurrences';
import { isLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';

const VARIANT = {
  free: 'success',
  requested: 'success',
  taken: 'danger',
  unavailable: 'warning',
  skipped: 'neutral',
} as const;

/** How many alternatives each taken date lists (the best ones; the form shows the rest nowhere). */
const SHOWN_ALTERNATIVES = 3;

export function OccurrenceList({
  occurrences,
  timeZone,
  resourceName,
}: {
  occurrences: OccurrenceView[];
  timeZone: string;
  resourceName: (id: string) => string;
}) {
  const t = useTranslations('series');
  const tErrors = useTranslations('errors');
  const localeValue = useLocale();
  const locale = isLocale(localeValue) ? localeValue : 'zh';
  const reasonText = (o: OccurrenceView) =>
    o.reason === 'holiday' || o.reason === 'non_working_day' ? t(`reason.${o.reason}`) : o.reason ? tErrors(o.reason) : null;

  return (
    <ol className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200" aria-label={t('preview.listLabel')}>
      {occurrences.map((o) => (
        <li key={o.n} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-4" data-occurrence={o.n} data-state={o.status}>
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <p className="font-medium">
              <span className="text-slate-500">{t('preview.number', { n: o.n })}</span>{' '}
              {formatRange(new Date(o.startAt), new Date(o.endAt), locale, timeZone)}
            </p>
            {reasonText(o) && <p className="text-sm text-slate-600">{reasonText(o)}</p>}
            {o.alternatives && o.alternatives.length > 0 && (
              <div className="text-sm text-slate-700">
                <p>{t('preview.alternatives')}</p>
                <ul className="list-disc pl-5">
                  {o.alternatives.slice(0, SHOWN_ALTERNATIVES).map((a) => (
                    <li key={`${a.resourceId}|${a.startAt}`}>
                      {resourceName(a.resourceId)} · {formatRange(new Date(a.startAt), new Date(a.endAt), locale, timeZone)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <Badge variant={VARIANT[o.status]} className="sm:mt-0.5">
            {t(`state.${o.status}`)}
          </Badge>
        </li>
      ))}
    </ol>
  );
}
