import { ArrowLeftIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { BookingHistory } from '@/components/booking/booking-history';
import { RequestDetails } from '@/components/booking/request-details';
import { ResourceCalendar } from '@/components/booking/resource-calendar';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb, type Db } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import type { UserActor } from '@/lib/authz';
import { findAlternatives } from '@/lib/booking/alternatives';
import { getBookingDetail, listResources, type BookingDetail } from '@/lib/booking/queries';
import { UNDER_REVIEW_STATUSES } from '@/lib/booking/state';
import { dayInZone } from '@/lib/calendar/working-days';
import { isDomainError } from '@/lib/errors';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { checkCompleteness } from '@/lib/booking/completeness';
import { listDepartments } from '@/lib/resources/options';
import { getHolidayCalendar } from '@/lib/settings';
import { toWallClock } from '@/lib/staff-booking/wall-clock';
import { RequestBadges } from '@/components/booking/request-badges';
import { SurveyAnswerCard } from '@/components/surveys/survey-answer-card';
import { getBookingSurvey } from '@/lib/surveys/queries';
import type { DecisionNotice } from './actions';
import { ChangeRequestForm } from '@/components/booking/change-request-form';
import { canTransition } from '@/lib/booking/state';
import { adminMoveAction } from './actions';
import { AdminCancelForm, ChangeDecisionForms } from './change-forms';
import { ApproveForm, CoordinationRequestForm, RejectForm, RequestInfoForm } from './decision-forms';
import { CompletenessCheck, Conflicts, CoordinationAnswers, DisplacedBooking } from './request-sections';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> };

const NOTICES: readonly DecisionNotice[] = [
  'approved',
  'rejected',
  'infoRequested',
  'coordinationRequested',
  'changeApproved',
  'changeRejected',
  'moved',
  'cancelled',
];

// Metadata and page share one load per request; a booking admin cannot find is a 404.
const load = cache(async (id: string) => {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  try {
    return { actor, db, detail: await getBookingDetail(db, actor, id) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: `${detail.booking.reference} · ${(await getTranslations('review'))('title')}` };
}

export default async function ReviewRequestPage({ params, searchParams }: Props) {
  const { actor, db, detail } = await load((await params).id);
  const { booking, resource } = detail;
  const notice = [(await searchParams).notice].flat()[0];
  const underReview = (UNDER_REVIEW_STATUSES as readonly string[]).includes(booking.status);
  const displaces = booking.priority === 'priority' && booking.displacesBookingId !== null;
  const customer = booking.requesterKind === 'customer';
  const [locale, timeZone, t, tChange, tHistory, calendar, resources, departments, displaced, survey] = await Promise.all([
    currentLocale(),
    getTimeZone(),
    getTranslations('review'),
    getTranslations('change'),
    getTranslations('history'),
    getHolidayCalendar(db),
    listResources(db),
    listDepartments(db),
    displaces ? loadDisplaced(db, actor, booking.displacesBookingId!) : null,
    // The follow-up survey is a customer's (policy II.3).
    customer ? getBookingSurvey(db, actor, booking.id) : null,
  ]);
  const view = { locale, timeZone };
  const alternatives =
    booking.status === 'pending' && !displaces
      ? (detail.alternatives ??
        (await findAlternatives(db, { ...booking, excludeBookingId: booking.id }, { notice: 'override' })))
      : [];
  const resourceLabel = (id: string) => {
    const r = resources.find((x) => x.id === id);
    return r ? `${r.code} ${localizedName(r, locale)}` : id;
  };
  const asked = new Set(detail.coordination.map((c) => c.departmentId));
  const coordinationOpen = detail.coordination.some((c) => c.answer === null);

  return (
    <>
      <Link
        href="/admin/review"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('back')}
      </Link>
      <PageHeader
        title={<span className="font-mono">{booking.reference}</span>}
        description={`${resource.code} ${localizedName(resource, locale)} · ${formatRange(booking.startAt, booking.endAt, locale, timeZone)}`}
        actions={<StatusBadge status={booking.status} className="text-sm" />}
      />
      {notice && (NOTICES as readonly string[]).includes(notice) && (
        <Alert variant="success" className="mb-4">
          {(['approved', 'rejected', 'infoRequested', 'coordinationRequested'] as const).includes(notice as 'approved')
            ? t(`notice.${notice as 'approved'}`)
            : tChange(`notice.${notice as 'changeApproved' | 'changeRejected' | 'moved' | 'cancelled'}`)}{' '}
          <Link href="/admin/review" className="font-medium underline underline-offset-4">
            {t('backToQueue')}
          </Link>
        </Alert>
      )}
      <div className="mb-6">
        <RequestBadges booking={booking} coordinationOpen={coordinationOpen} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-6">
          <RequestDetails detail={detail} {...view} />
          {displaced && <DisplacedBooking detail={displaced} {...view} />}
          {customer && <SurveyAnswerCard survey={survey} {...view} />}
          <CompletenessCheck check={checkCompleteness(booking, resource, { timeZone, calendar })} />
          <Conflicts detail={detail} {...view} />
        </div>
        <aside aria-labelledby="decision" className="flex flex-col gap-6 lg:sticky lg:top-28">
          {detail.pendingChange && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{tChange('review.heading')}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <p className="text-sm text-slate-800">
                  {tChange('review.body', {
                    time: formatRange(detail.pendingChange.newStartAt, detail.pendingChange.newEndAt, locale, timeZone),
                    resource: resourceLabel(detail.pendingChange.newResourceId),
                  })}
                </p>
                <p className="text-sm text-slate-700">
                  <span className="text-slate-500">{tChange('review.reason')}: </span>
                  {detail.pendingChange.reason}
                </p>
                <ChangeDecisionForms bookingId={booking.id} />
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle as="h2" id="decision">
                {t('decide.title')}
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              {booking.status === 'pending' && (
                <section aria-labelledby="approve" className="flex flex-col gap-3">
                  <h3 id="approve" className="text-sm font-semibold">
                    {displaces ? t('decide.approveDisplacing') : t('decide.approveHeading')}
                  </h3>
                  <ApproveForm
                    bookingId={booking.id}
                    displaces={displaces}
                    alternatives={alternatives.map((alt) => ({
                      value: `${alt.resourceId}|${alt.startAt}|${alt.endAt}`,
                      resource: resourceLabel(alt.resourceId),
                      time: formatRange(new Date(alt.startAt), new Date(alt.endAt), locale, timeZone),
                      sameResource: alt.kind === 'same_resource',
                    }))}
                    resources={resources
                      .filter((r) => r.state === 'in_service')
                      .map((r) => ({ id: r.id, label: resourceLabel(r.id) }))}
                    current={{
                      resourceId: booking.resourceId,
                      start: toWallClock(booking.startAt, timeZone),
                      end: toWallClock(booking.endAt, timeZone),
                    }}
                  />
                </section>
              )}
              {booking.status === 'needs_info' && <Alert variant="warning">{t('decide.waitingForApplicant')}</Alert>}
              {underReview ? (
                <>
                  <section aria-labelledby="reject" className="flex flex-col gap-3 border-t border-slate-200 pt-4">
                    <h3 id="reject" className="text-sm font-semibold">
                      {t('decide.reject.heading')}
                    </h3>
                    <RejectForm bookingId={booking.id} />
                  </section>
                  {booking.status === 'pending' && (
                    <section aria-labelledby="request-info" className="flex flex-col gap-3 border-t border-slate-200 pt-4">
                      <h3 id="request-info" className="text-sm font-semibold">
                        {t('decide.requestInfo.heading')}
                      </h3>
                      <RequestInfoForm bookingId={booking.id} />
                    </section>
                  )}
                </>
              ) : (
                <p className="text-sm text-slate-600">{t('decide.decided')}</p>
              )}
            </CardContent>
          </Card>
        </aside>
      </div>

      {canTransition('admin_move', booking.status) && (
        <section aria-labelledby="admin-change" className="mt-8 grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle as="h2" id="admin-change">
                {tChange('admin.moveHeading')}
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              <p className="text-sm text-slate-600">{tChange('admin.moveIntro')}</p>
              <ChangeRequestForm
                action={adminMoveAction}
                hidden={{ bookingId: booking.id }}
                resources={resources
                  .filter((r) => r.state === 'in_service' && (booking.requesterKind === 'staff' || r.customerBookable))
                  .map((r) => ({ id: r.id, label: resourceLabel(r.id) }))}
                current={{ resourceId: booking.resourceId, start: toWallClock(booking.startAt, timeZone), end: toWallClock(booking.endAt, timeZone) }}
                locale={locale}
                timeZone={timeZone}
                text={{
                  start: tChange('form.start'),
                  end: tChange('form.end'),
                  resource: tChange('form.resource'),
                  reason: tChange('form.reason'),
                  submit: tChange('admin.moveSubmit'),
                  sending: tChange('form.sending'),
                  alternatives: tChange('form.alternatives'),
                }}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">{tChange('admin.cancelHeading')}</CardTitle>
            </CardHeader>
            <CardContent>
              <AdminCancelForm bookingId={booking.id} />
            </CardContent>
          </Card>
        </section>
      )}

      <section aria-labelledby="calendar" className="mt-8 flex flex-col gap-3">
        <h2 id="calendar" className="text-lg font-semibold">
          {t('calendarHeading', { resource: resourceLabel(resource.id) })}
        </h2>
        <ResourceCalendar scope={{ kind: 'resource', id: resource.id }} timeZone={timeZone} initialDate={dayInZone(booking.startAt, timeZone)} />
      </section>

      <section aria-labelledby="coordination" className="mt-8 flex flex-col gap-3">
        <h2 id="coordination" className="text-lg font-semibold">
          {t('coordination.heading')}
        </h2>
        <p className="text-sm text-slate-600">{t('coordination.intro')}</p>
        <CoordinationAnswers detail={detail} {...view} />
        {underReview && departments.some((d) => !asked.has(d.id)) && (
          <Card>
            <CardHeader>
              <CardTitle as="h3">{t('coordination.formTitle')}</CardTitle>
            </CardHeader>
            <CardContent>
              <CoordinationRequestForm
                bookingId={booking.id}
                departments={departments.filter((d) => !asked.has(d.id)).map((d) => ({ id: d.id, label: localizedName(d, locale) }))}
              />
            </CardContent>
          </Card>
        )}
      </section>

      <section aria-labelledby="history" className="mt-8 flex flex-col gap-3">
        <h2 id="history" className="text-lg font-semibold">
          {tHistory('heading')}
        </h2>
        <BookingHistory events={detail.events} {...view} />
      </section>
    </>
  );
}

/** The internal booking a priority request names; gone or not viewable → not shown. */
async function loadDisplaced(db: Db, actor: UserActor, id: string): Promise<BookingDetail | null> {
  try {
    return await getBookingDetail(db, actor, id);
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') return null;
    throw error;
  }
}
