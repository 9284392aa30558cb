import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { recordContactAction } from '@/app/actions/desk';
import { BookingSummary } from '@/components/desk/booking-summary';
import { DeskNav } from '@/components/desk/desk-nav';
import { RecordContactForm } from '@/components/desk/record-contact-form';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { toNotifyList } from '@/lib/customer/service-desk';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { toWallClock } from '@/lib/staff-booking/wall-clock';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('notify.title') };
}

type Props = { searchParams: Promise<{ recorded?: string | string[] }> };

/**
 * 待通知: confirmed customer bookings whose customer has not been told since confirming, soonest
 * first; recording the contact takes a booking off the list (policy III.3).
 */
export default async function ToNotifyPage({ searchParams }: Props) {
  const actor = await requirePageActor('customer_service', 'admin');
  const [bookings, t, locale, timeZone, { recorded }] = await Promise.all([
    toNotifyList(await getDb(), actor),
    getTranslations('desk'),
    currentLocale(),
    getTimeZone(),
    searchParams,
  ]);
  const now = toWallClock(new Date(), timeZone);
  const done = [recorded].flat()[0];

  return (
    <>
      <DeskNav current="notify" toNotify={bookings.length} />
      <PageHeader title={t('notify.title')} description={t('notify.intro')} />
      {done && (
        <Alert variant="success" className="mb-4">
          {/^BK-/.test(done) ? t('notify.recorded', { reference: done }) : t('notify.recordedAny')}
        </Alert>
      )}
      {bookings.length === 0 ? (
        <Card>
          <CardContent className="pt-4 text-slate-600 sm:pt-5">{t('notify.none')}</CardContent>
        </Card>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t('notify.title')}>
          {bookings.map((booking) => (
            <li key={booking.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
              <BookingSummary booking={booking} locale={locale} timeZone={timeZone} headingLevel="h2" />
              {booking.confirmedAt && (
                <p className="mt-1 text-sm text-green-800">
                  {t('notify.confirmedAt', { time: formatDateTime(booking.confirmedAt, locale, timeZone) })}
                </p>
              )}
              <div className="mt-4 border-t border-slate-200 pt-4">
                <RecordContactForm action={recordContactAction} bookingId={booking.id} reference={booking.reference} now={now} returnTo="/desk/notify" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
