import { MailIcon, PhoneIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { markSurveySeenAction } from '@/app/actions/survey';
import { DeskNav } from '@/components/desk/desk-nav';
import { PageHeader } from '@/components/layout/page-header';
import { NewRectificationLink } from '@/components/rectifications/new-rectification-link';
import { MarkSeenButton } from '@/components/surveys/mark-seen-button';
import { SurveyScores } from '@/components/surveys/survey-answer-card';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listSurveyAnswers } from '@/lib/surveys/queries';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('survey'))('desk.title') };
}

type Props = { searchParams: Promise<{ show?: string | string[] }> };

/**
 * 回访问卷: what customers answered after their visit (policy II.3), newest first. New answers
 * stay on the first tab until someone marks them read; "all" shows the latest answers.
 */
export default async function SurveyAnswersPage({ searchParams }: Props) {
  const actor = await requirePageActor('customer_service', 'admin');
  const show = [(await searchParams).show].flat()[0] === 'all' ? 'all' : 'new';
  const db = await getDb();
  const [answers, fresh, t, locale, timeZone] = await Promise.all([
    listSurveyAnswers(db, actor, { show }),
    show === 'new' ? null : listSurveyAnswers(db, actor, { show: 'new' }),
    getTranslations('survey.desk'),
    currentLocale(),
    getTimeZone(),
  ]);
  const newCount = (fresh ?? answers).length;
  const when = (instant: Date) => formatDateTime(instant, locale, timeZone);

  return (
    <>
      <DeskNav current="surveys" newSurveys={newCount} />
      <PageHeader title={t('title')} description={t('intro')} />
      <nav aria-label={t('listLabel')} className="mb-4 flex gap-2">
        {(['new', 'all'] as const).map((key) => (
          <Link
            key={key}
            href={key === 'new' ? '/desk/surveys' : '/desk/surveys?show=all'}
            aria-current={key === show ? 'page' : undefined}
            className={cn(
              'inline-flex h-9 items-center rounded-md border px-3 text-sm font-medium',
              'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600',
              key === show ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
            )}
          >
            {key === 'new' ? t('showNew') : t('showAll')}
          </Link>
        ))}
      </nav>
      {answers.length === 0 ? (
        <Card>
          <CardContent className="pt-4 text-slate-600 sm:pt-5">{show === 'new' ? t('none') : t('noneAll')}</CardContent>
        </Card>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t('listLabel')}>
          {answers.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
              <div className="grid gap-4 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
                <div className="flex flex-col gap-1 text-sm">
                  <h2 className="text-base font-semibold">
                    <Link
                      href={`/desk/bookings/${a.bookingId}`}
                      aria-label={t('open', { reference: a.reference })}
                      className="font-mono text-blue-700 underline-offset-4 hover:underline"
                    >
                      {a.reference}
                    </Link>
                  </h2>
                  <p className="text-slate-900">
                    {a.resource.code} {localizedName(a.resource, locale)}
                  </p>
                  <p className="text-slate-600">
                    {t('visit')}: {when(a.startAt)}
                  </p>
                  <p className="text-slate-900">
                    {t('customer')}: {a.contactName}
                    {a.company ? `（${a.company}）` : ''}
                  </p>
                  <p className="flex flex-wrap gap-x-3 gap-y-1">
                    <a href={`tel:${a.contactPhone}`} className="inline-flex items-center gap-1 text-blue-700 underline-offset-4 hover:underline">
                      <PhoneIcon className="size-4" aria-hidden />
                      {a.contactPhone}
                    </a>
                    {a.contactEmail && (
                      <a href={`mailto:${a.contactEmail}`} className="inline-flex items-center gap-1 break-all text-blue-700 underline-offset-4 hover:underline">
                        <MailIcon className="size-4" aria-hidden />
                        {a.contactEmail}
                      </a>
                    )}
                  </p>
                </div>
                <div className="flex flex-col gap-3 text-sm">
                  <SurveyScores survey={a} when={when} />
                  <div className="flex flex-wrap items-center gap-3">
                    {a.seenAt ? (
                      <p className="text-slate-600">{t('seen', { name: a.seenBy ?? '', time: when(a.seenAt) })}</p>
                    ) : (
                      <MarkSeenButton action={markSurveySeenAction} surveyId={a.id} label={t('markSeen')} reference={a.reference} />
                    )}
                    <NewRectificationLink source={{ kind: 'survey', id: a.id }} />
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
