import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { coordinationInbox, type CoordinationInboxItem } from '@/lib/booking/queries';
import { UNDER_REVIEW_STATUSES } from '@/lib/booking/state';
import { isDomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { AnswerForm } from './answer-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('coordination'))('title') };
}

type Props = { searchParams: Promise<{ notice?: string | string[] }> };

/** A department contact's inbox: coordination requests for their department, open ones first. */
export default async function CoordinationPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  let items: CoordinationInboxItem[];
  try {
    items = await coordinationInbox(await getDb(), actor);
  } catch (error) {
    // Only department contacts (and admin) have an inbox; for anyone else the page does not exist.
    if (isDomainError(error) && error.code === 'forbidden') notFound();
    throw error;
  }
  const [locale, timeZone, t] = await Promise.all([currentLocale(), getTimeZone(), getTranslations('coordination')]);
  const answered = [(await searchParams).notice].flat()[0] === 'answered';
  const open = items.filter((i) => i.request.answer === null).length;

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {answered && (
        <Alert variant="success" className="mb-4">
          {t('answered')}
        </Alert>
      )}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">{t('openCount', { count: open })}</p>
          <ul className="flex flex-col gap-4">
            {items.map((item) => (
              <InboxItem key={item.request.id} item={item} locale={locale} timeZone={timeZone} showDepartment={actor.role === 'admin'} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function InboxItem({
  item,
  locale,
  timeZone,
  showDepartment,
}: {
  item: CoordinationInboxItem;
  locale: AppLocale;
  timeZone: string;
  showDepartment: boolean;
}) {
  const t = useTranslations('coordination');
  const tCommon = useTranslations('common');
  const { request, booking, resource, department } = item;
  const canAnswer = request.answer === null && (UNDER_REVIEW_STATUSES as readonly string[]).includes(booking.status);
  const headingId = `coordination-${request.id}`;
  const facts: [string, ReactNode][] = [
    [t('resource'), `${resource.code} ${localizedName(resource, locale)} · ${localizedLocation(resource, locale)}`],
    [t('time'), formatRange(booking.startAt, booking.endAt, locale, timeZone)],
    [t('requester'), booking.requesterKind === 'customer' ? t('customer', { company: booking.company ?? '—' }) : t('staff')],
    [t('purpose'), booking.purpose || '—'],
    [t('attendees'), booking.attendees === null ? '—' : tCommon('people', { count: booking.attendees })],
    [t('specialNeeds'), booking.specialNeeds || '—'],
    ...(showDepartment ? [[t('department'), localizedName(department, locale)] as [string, ReactNode]] : []),
    [t('askedAt'), formatDateTime(request.createdAt, locale, timeZone)],
  ];
  return (
    <li>
      <Card aria-labelledby={headingId} role="article">
        <CardHeader className="flex-row flex-wrap items-center gap-2">
          <CardTitle as="h2" id={headingId} className="font-mono">
            {booking.reference}
          </CardTitle>
          <StatusBadge status={booking.status} />
          <Badge variant={request.answer === 'agree' ? 'success' : request.answer === 'concerns' ? 'danger' : 'warning'}>
            {t(`state.${request.answer ?? 'open'}`)}
          </Badge>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="rounded-md bg-slate-50 p-3 text-sm">
            <p className="font-medium text-slate-700">{t('message')}</p>
            <p className="mt-1 break-words whitespace-pre-line text-slate-900">{request.message}</p>
          </div>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd className="-mt-1 break-words whitespace-pre-line text-slate-900 sm:mt-0">{value}</dd>
              </div>
            ))}
          </dl>
          {request.answer ? (
            <div className="border-l-2 border-slate-300 pl-3 text-sm">
              <p className="font-medium">{t(`state.${request.answer}`)}</p>
              {request.comment && <p className="break-words whitespace-pre-line text-slate-800">{request.comment}</p>}
              {request.answeredAt && (
                <p className="text-xs text-slate-500">{t('answeredAt', { at: formatDateTime(request.answeredAt, locale, timeZone) })}</p>
              )}
            </div>
          ) : canAnswer ? (
            <AnswerForm coordinationId={request.id} />
          ) : (
            <p className="text-sm text-slate-600">{t('closed')}</p>
          )}
        </CardContent>
      </Card>
    </li>
  );
}
