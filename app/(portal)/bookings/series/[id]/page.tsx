import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getSeries } from '@/lib/booking/series/queries';
import { canTransition } from '@/lib/booking/state';
import { isDomainError } from '@/lib/errors';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { CancelSeries, ConfirmSeries, ReviewSeries } from './series-controls';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string | string[] }> };

const load = cache(async (id: string) => {
  const actor = await requirePageActor();
  try {
    return { actor, detail: await getSeries(await getDb(), actor, id) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: `${detail.series.reference} · ${(await getTranslations('series'))('detail.title')}` };
}

/** One series: every occurrence and its status; admin decides here, the applicant confirms and cancels. */
export default async function SeriesPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, detail } = await load(id);
  const [locale, timeZone, t] = await Promise.all([currentLocale(), getTimeZone(), getTranslations('series')]);
  const { series, occurrences, resource } = detail;
  const isAdmin = actor.kind === 'user' && actor.role === 'admin';
  const isApplicant = actor.kind === 'user' && actor.id === series.requesterUserId;
  const now = new Date();
  const choice = (b: (typeof occurrences)[number]) => ({
    n: b.occurrenceNo!,
    label: `${t('preview.number', { n: b.occurrenceNo! })} ${formatRange(b.startAt, b.endAt, locale, timeZone)}`,
  });
  const waiting = occurrences.filter((b) => canTransition('approve', b.status)).map(choice);
  const toConfirm = occurrences.filter((b) => canTransition('confirm', b.status));
  const cancellable = occurrences.filter((b) => canTransition('cancel', b.status) && b.endAt > now).map(choice);

  return (
    <>
      <PageHeader
        title={t('detail.heading', { reference: series.reference })}
        description={t('detail.summary', {
          resource: localizedName(resource, locale),
          applicant: detail.requesterName,
          count: occurrences.length,
        })}
      />
      {query.created && (
        <Alert variant="success" className="mb-6" title={t('notice.created', { count: occurrences.length })} />
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('detail.occurrences')}</CardTitle>
          </CardHeader>
          <CardContent>
            <p className="mb-3 text-sm text-slate-600">
              {series.purpose} · <code className="text-xs">{series.rrule}</code>
            </p>
            <ol className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
              {occurrences.map((b) => (
                <li key={b.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between" data-occurrence={b.occurrenceNo}>
                  <Link href={`/bookings/${b.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    <span className="text-slate-500">{t('preview.number', { n: b.occurrenceNo! })}</span>{' '}
                    {formatRange(b.startAt, b.endAt, locale, timeZone)}
                  </Link>
                  <StatusBadge status={b.status} />
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <div className="flex flex-col gap-6">
          {isAdmin && waiting.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t('review.heading')}</CardTitle>
              </CardHeader>
              <CardContent>
                <ReviewSeries seriesId={series.id} waiting={waiting} />
              </CardContent>
            </Card>
          )}
          {isApplicant && toConfirm.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t('confirm.heading')}</CardTitle>
              </CardHeader>
              <CardContent>
                <ConfirmSeries seriesId={series.id} count={toConfirm.length} />
              </CardContent>
            </Card>
          )}
          {(isApplicant || isAdmin) && cancellable.length > 0 && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t('cancel.heading')}</CardTitle>
              </CardHeader>
              <CardContent>
                <CancelSeries seriesId={series.id} cancellable={cancellable} />
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
