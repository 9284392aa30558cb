'use client';

import { CircleCheckIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import type { BookingStatus } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';

export interface SubmittedRequest {
  reference: string;
  status: BookingStatus;
  email: string;
  resourceName: string;
  startAt: string;
  endAt: string;
}

/** What a customer sees after sending a request: the reference, what was asked, what happens next. */
export function RequestConfirmation({
  submitted,
  locale,
  timeZone,
  headingRef,
  onAgain,
}: {
  submitted: SubmittedRequest;
  locale: AppLocale;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
  onAgain: () => void;
}) {
  const t = useTranslations('book.done');
  const tStatus = useTranslations('status');
  const rows: [string, string][] = [
    [t('resource'), submitted.resourceName],
    [t('time'), formatRange(new Date(submitted.startAt), new Date(submitted.endAt), locale, timeZone)],
    [t('status'), tStatus(submitted.status)],
  ];
  return (
    <Card className="mx-auto w-full max-w-2xl border-green-200">
      <CardContent className="flex flex-col gap-5 pt-5 sm:pt-6">
        <div className="flex items-start gap-3">
          <CircleCheckIcon className="mt-0.5 size-7 shrink-0 text-green-700" aria-hidden />
          <div className="flex flex-col gap-1">
            <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
              {t('title')}
            </h2>
            <p className="text-slate-700">{t('reviewNext')}</p>
          </div>
        </div>
        <div className="rounded-lg bg-slate-50 p-4">
          <p className="text-sm text-slate-600">{t('reference')}</p>
          <p className="font-mono text-2xl font-semibold tracking-wide text-slate-900" data-testid="booking-reference">
            {submitted.reference}
          </p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <Alert variant="info">{t('emailed', { email: submitted.email })}</Alert>
        <Button variant="outline" onClick={onAgain} className="self-start">
          {t('again')}
        </Button>
      </CardContent>
    </Card>
  );
}
