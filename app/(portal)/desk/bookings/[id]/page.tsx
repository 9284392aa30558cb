import { ArrowLeftIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requestChangeAction, withdrawChangeAction } from '@/app/actions/change';
import { recordContactAction } from '@/app/actions/desk';
import { ChangeSection } from '@/components/booking/change-section';
import { BookingHistory } from '@/components/booking/booking-history';
import { RequestDetails } from '@/components/booking/request-details';
import { RequestBadges } from '@/components/booking/request-badges';
import { DeskNav } from '@/components/desk/desk-nav';
import { RecordContactForm } from '@/components/desk/record-contact-form';
import { SurveyAnswerCard } from '@/components/surveys/survey-answer-card';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getBookingDetail } from '@/lib/booking/queries';
import { isHolding } from '@/lib/booking/state';
import { listCustomerContacts } from '@/lib/customer/service-desk';
import { isDomainError } from '@/lib/errors';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { toWallClock } from '@/lib/staff-booking/wall-clock';
import { getBookingSurvey } from '@/lib/surveys/queries';
import { MarkImportantForm } from './mark-important-form';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<'filed' | 'saved' | 'recorded' | 'notice', string | string[] | undefined>>;
};

// Metadata and page share one load; anything but a customer booking the desk may see is a 404.
const load = cache(async (id: string) => {
  const actor = await requirePageActor('customer_service', 'admin');
  const db = await getDb();
  try {
    const detail = await getBookingDetail(db, actor, id);
    if (detail.booking.requesterKind !== 'customer') notFound();
    return { actor, db, detail };
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await load((await params).id);
  return { title: `${detail.booking.reference} · ${(await getTranslations('desk'))('title')}` };
}

/** One customer booking at the desk: its details and history, the flags, the contacts with the customer. */
export default async function DeskBookingPage({ params, searchParams }: Props) {
  const { actor, db, detail } = await load((await params).id);
  const { booking, resource } = detail;
  const [query, contacts, survey, t, tContact, tChange, locale, timeZone] = await Promise.all([
    searchParams,
    listCustomerContacts(db, actor, booking.id),
    getBookingSurvey(db, actor, booking.id),
    getTranslations('desk'),
    getTranslations('desk.contact'),
    getTranslations('change'),
    currentLocale(),
    getTimeZone(),
  ]);
  const view = { locale, timeZone };
  const first = (key: keyof typeof query) => [query[key]].flat()[0];
  const filed = first('filed');
  const notice =
    filed === 'priority'
      ? t('booking.filedPriority')
      : filed
        ? t('booking.filed')
        : first('saved')
          ? t('booking.saved')
          : first('recorded')
            ? t('notify.recordedAny')
            : first('notice') === 'changeRequested' || first('notice') === 'changeWithdrawn'
              ? tChange(`notice.${first('notice') as 'changeRequested' | 'changeWithdrawn'}`)
              : null;

  return (
    <>
      <DeskNav />
      <Link
        href="/desk"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('booking.back')}
      </Link>
      <PageHeader
        title={<span className="font-mono">{booking.reference}</span>}
        description={`${resource.code} ${localizedName(resource, locale)} · ${formatRange(booking.startAt, booking.endAt, locale, timeZone)}`}
        actions={<StatusBadge status={booking.status} className="text-sm" />}
      />
      {notice && (
        <Alert variant="success" className="mb-4">
          {notice}
        </Alert>
      )}
      <div className="mb-6">
        <RequestBadges booking={booking} coordinationOpen={detail.coordination.some((c) => c.answer === null)} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-6">
          <RequestDetails detail={detail} {...view} />
          <SurveyAnswerCard survey={survey} {...view} />
          <ChangeSection
            detail={detail}
            actor={actor}
            {...view}
            actions={{ request: requestChangeAction, withdraw: withdrawChangeAction }}
            returnTo="desk"
          />
          <section aria-labelledby="history" className="flex flex-col gap-3">
            <h2 id="history" className="text-lg font-semibold">
              {t('booking.history')}
            </h2>
            <BookingHistory events={detail.events} {...view} />
          </section>
        </div>

        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t('mark.title')}</CardTitle>
            </CardHeader>
            <CardContent>
              {isHolding(booking.status) ? (
                <MarkImportantForm bookingId={booking.id} importantCustomer={booking.importantCustomer} specialNeeds={booking.specialNeeds} />
              ) : (
                <p className="text-sm text-slate-600">{t('mark.closed')}</p>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{tContact('title')}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {contacts.length === 0 ? (
                <p className="text-sm text-slate-600">{tContact('none')}</p>
              ) : (
                <ol className="flex flex-col gap-3 text-sm">
                  {contacts.map((c) => (
                    <li key={c.id} className="rounded-md bg-slate-50 p-3">
                      <p className="font-medium text-slate-900">
                        {tContact(`methods.${c.method}`)} ·{' '}
                        <time dateTime={c.contactedAt.toISOString()}>{formatDateTime(c.contactedAt, locale, timeZone)}</time>
                      </p>
                      {c.note && <p className="mt-1 break-words whitespace-pre-line text-slate-700">{c.note}</p>}
                    </li>
                  ))}
                </ol>
              )}
              <div className="border-t border-slate-200 pt-4">
                <RecordContactForm
                  action={recordContactAction}
                  bookingId={booking.id}
                  reference={booking.reference}
                  now={toWallClock(new Date(), timeZone)}
                  returnTo={`/desk/bookings/${booking.id}`}
                />
              </div>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
