import { ArrowLeftIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { cache, type ReactNode } from 'react';
import { BookingHistory } from '@/components/booking/booking-history';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isApplicant, type UserActor } from '@/lib/authz';
import { getBookingDetail, type BookingDetail } from '@/lib/booking/queries';
import { canStillCancel } from '@/lib/booking/applicant';
import { isDomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedFacilities, localizedLocation, localizedName, localizedNotes } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { requestChangeAction, withdrawChangeAction } from '@/app/actions/change';
import { ChangeSection } from '@/components/booking/change-section';
import { ReportProblemForm } from '@/components/incidents/report-problem-form';
import { reportProblemText } from '@/components/incidents/report-problem-text';
import { getSettings } from '@/lib/settings';
import { inReportWindow } from '@/lib/incidents/report-window';
import { describeStatusReason } from '@/lib/booking/status-reason';
import { CancelBooking, RespondButtons, SupplementForm } from './booking-actions';
import { reportProblemAction } from './incident-actions';
import { VisitSection } from './visit-section';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[]; created?: string | string[] }> };

const NOTICES = [
  'created',
  'supplemented',
  'confirmed',
  'declined',
  'cancelled',
  'checkedIn',
  'checkedOut',
  'inspected',
  'changeRequested',
  'changeWithdrawn',
] as const;

// Metadata and page share one load per request.
const load = cache(async (id: string) => {
  const actor = await requirePageActor();
  try {
    return { actor, detail: await getBookingDetail(await getDb(), actor, id) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: `${detail.booking.reference} · ${(await getTranslations('booking'))('detail.title')}` };
}

export default async function BookingPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, detail } = await load(id);
  const [locale, timeZone, t, tIncidents, settings] = await Promise.all([
    currentLocale(),
    getTimeZone(),
    getTranslations('booking'),
    getTranslations('incidents'),
    getSettings(await getDb()),
  ]);
  const { booking, resource } = detail;
  const notice = query.created ? 'created' : NOTICES.find((n) => n === query.notice);

  return (
    <>
      <Link href="/bookings" className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('detail.back')}
      </Link>
      <PageHeader
        title={
          <>
            <span className="sr-only">{t('detail.title')} </span>
            <span className="font-mono">{booking.reference}</span>
          </>
        }
        description={`${localizedName(resource, locale)} · ${formatRange(booking.startAt, booking.endAt, locale, timeZone)}`}
        actions={<StatusBadge status={booking.status} className="px-3 py-1 text-sm" />}
      />
      {booking.seriesId && (
        <p className="-mt-2 mb-6 text-sm">
          <Link href={`/bookings/series/${booking.seriesId}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
            {t('detail.partOfSeries', { n: booking.occurrenceNo ?? 0 })}
          </Link>
        </p>
      )}
      {notice && (
        <Alert variant="success" className="mb-6">
          {t(`detail.notice.${notice}`)}
        </Alert>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {booking.flaggedReason && (
            <Alert variant="warning" title={tIncidents('flagged.title')}>
              <p className="whitespace-pre-line">{booking.flaggedReason}</p>
              <p>{tIncidents('flagged.hint')}</p>
            </Alert>
          )}
          <NextStep detail={detail} actor={actor} locale={locale} timeZone={timeZone} />
          <VisitSection detail={detail} actor={actor} settings={settings} locale={locale} timeZone={timeZone} />
          <ReportProblem detail={detail} actor={actor} />
          <ChangeSection
            detail={detail}
            actor={actor}
            locale={locale}
            timeZone={timeZone}
            actions={{ request: requestChangeAction, withdraw: withdrawChangeAction }}
            returnTo="booking"
          />
          <Details detail={detail} locale={locale} timeZone={timeZone} />
          <History detail={detail} locale={locale} timeZone={timeZone} />
        </div>
        <ResourceCard detail={detail} locale={locale} />
      </div>
    </>
  );
}

type SectionProps = { detail: BookingDetail; locale: AppLocale; timeZone: string };

/** What happens next and what the applicant can do now, by status. */
function NextStep({ detail, actor, locale, timeZone }: SectionProps & { actor: UserActor }) {
  const t = useTranslations('booking');
  const { booking } = detail;
  const applicant = isApplicant(actor, booking);
  const canCancel = canStillCancel(booking, new Date()) && (applicant || actor.role === 'admin');
  const deadline = booking.confirmDeadline ? formatDateTime(booking.confirmDeadline, locale, timeZone) : null;

  let body: ReactNode = null;
  if (booking.status === 'needs_info') {
    body = (
      <>
        <Alert variant="warning" title={t('detail.supplement.title')}>
          {booking.infoRequest && <p className="whitespace-pre-line">{booking.infoRequest}</p>}
        </Alert>
        {applicant && (
          <SupplementForm
            bookingId={booking.id}
            current={{
              purpose: booking.purpose,
              attendees: booking.attendees,
              phone: booking.contactPhone,
              specialNeeds: booking.specialNeeds,
            }}
          />
        )}
      </>
    );
  } else if (booking.status === 'awaiting_confirmation') {
    body = (
      <>
        <Alert variant="info" title={t('detail.confirm.title')}>
          <p>{deadline ? t('detail.confirm.deadline', { deadline }) : t('detail.confirm.noDeadline')}</p>
        </Alert>
        {applicant && <RespondButtons bookingId={booking.id} />}
      </>
    );
  } else if (booking.status === 'pending') {
    body = <p className="text-slate-700">{t('detail.pendingHint')}</p>;
  } else if (booking.status === 'confirmed') {
    body = <p className="text-slate-700">{t('detail.confirmedHint')}</p>;
  }
  if (!body && !canCancel) return null;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('detail.nextHeading')}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {body}
        {canCancel && (
          <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
            <p className="text-sm text-slate-600">{t('detail.cancel.hint')}</p>
            <div>
              <CancelBooking bookingId={booking.id} />
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** Damage or an abnormality: the applicant during or just after use (lib/incidents/report.ts), admin any time. */
function ReportProblem({ detail, actor }: { detail: BookingDetail; actor: UserActor }) {
  const t = useTranslations('incidents.report');
  const { booking } = detail;
  const may = actor.role === 'admin' || (isApplicant(actor, booking) && inReportWindow(booking, new Date()));
  if (!may) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" id="report-problem">
          {t('heading')}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <p className="text-sm text-slate-600">{t('intro')}</p>
        <ReportProblemForm
          action={reportProblemAction}
          hidden={{ bookingId: booking.id, resourceId: booking.resourceId }}
          text={reportProblemText(t)}
          labelledBy="report-problem"
        />
      </CardContent>
    </Card>
  );
}

function Details({ detail, locale, timeZone }: SectionProps) {
  const t = useTranslations('booking');
  const tChannel = useTranslations('channel');
  const tCommon = useTranslations('common');
  const { booking, department, requester } = detail;
  const notSet = <span className="text-slate-500">{tCommon('notSet')}</span>;
  const tReason = useTranslations('statusReason');
  const reason = describeStatusReason(booking.statusReason, (code) => tReason(code));
  const rows: [string, ReactNode][] = [
    [t('fields.reference'), <span key="ref" className="font-mono">{booking.reference}</span>],
    [t('fields.status'), <StatusBadge key="status" status={booking.status} />],
    [
      t('fields.time'),
      <span key="time">
        <time dateTime={booking.startAt.toISOString()}>{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</time>
        <span className="block text-xs text-slate-500">{t('detail.timeZone', { zone: timeZone })}</span>
      </span>,
    ],
    [t('fields.purpose'), booking.purpose || notSet],
    [t('fields.attendees'), booking.attendees != null ? tCommon('people', { count: booking.attendees }) : notSet],
    [t('fields.applicant'), requester?.name ?? booking.contactName],
    [t('fields.phone'), booking.contactPhone || notSet],
    [t('fields.department'), department ? localizedName(department, locale) : notSet],
    [t('fields.specialNeeds'), booking.specialNeeds || notSet],
    [t('fields.channel'), tChannel(booking.channel)],
    [t('fields.submittedAt'), formatDateTime(booking.submittedAt, locale, timeZone)],
  ];
  if (booking.reviewOpinion) rows.push([t('fields.reviewOpinion'), booking.reviewOpinion]);
  if (booking.confirmDeadline && booking.status === 'awaiting_confirmation') {
    rows.push([t('fields.confirmDeadline'), formatDateTime(booking.confirmDeadline, locale, timeZone)]);
  }
  if (booking.confirmedAt) rows.push([t('fields.confirmedAt'), formatDateTime(booking.confirmedAt, locale, timeZone)]);
  if (reason) rows.push([t('fields.statusReason'), reason]);

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('detail.detailsHeading')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="break-words whitespace-pre-line text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function ResourceCard({ detail, locale }: { detail: BookingDetail; locale: AppLocale }) {
  const t = useTranslations('booking');
  const tCommon = useTranslations('common');
  const { resource, resourceType } = detail;
  const notes = localizedNotes(resource, locale);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('detail.resourceHeading')}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <p className="font-medium text-slate-900">
          {localizedName(resource, locale)} <span className="font-mono text-xs text-slate-500">{resource.code}</span>
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-slate-700">
          <dt className="text-slate-500">{t('fields.type')}</dt>
          <dd>{localizedName(resourceType, locale)}</dd>
          <dt className="text-slate-500">{t('fields.location')}</dt>
          <dd>{localizedLocation(resource, locale)}</dd>
          <dt className="text-slate-500">{t('fields.capacity')}</dt>
          <dd>{tCommon('people', { count: resource.capacity })}</dd>
        </dl>
        {resource.facilities.length > 0 && (
          <ul className="flex flex-wrap gap-1.5" aria-label={t('fields.facilities')}>
            {localizedFacilities(resource, locale).map((facility) => (
              <li key={facility}>
                <Badge variant="outline">{facility}</Badge>
              </li>
            ))}
          </ul>
        )}
        {notes && (
          <section aria-labelledby="resource-notes" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
            <h3 id="resource-notes" className="mb-1 font-semibold">
              {t('fields.notes')}
            </h3>
            <p className="whitespace-pre-line">{notes}</p>
          </section>
        )}
      </CardContent>
    </Card>
  );
}

function History({ detail, locale, timeZone }: SectionProps) {
  const t = useTranslations('history');
  return (
    <section aria-labelledby="history" className="flex flex-col gap-3">
      <h2 id="history" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <BookingHistory events={detail.events} locale={locale} timeZone={timeZone} />
    </section>
  );
}
