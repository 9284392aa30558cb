/**
 * /m/<token>: the customer's page for their booking, from the link in their e-mails. A GET (or
 * HEAD) only shows — mail scanners open links — and every change is a POST to ./actions.ts.
 * A link that is unknown, malformed, expired (after the visit), used or for a staff booking gets
 * a clear page, never an error. Shown in the language chosen with the switch, else the one the
 * customer booked in.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PublicHeader } from '@/components/customer/public-header';
import { SkipLink } from '@/components/layout/skip-link';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { loadManagedBooking, type ManagedBooking } from '@/lib/booking/customer-link';
import { isDomainError } from '@/lib/errors';
import { isLocale, localeTags, LOCALE_COOKIE, type AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName, localizedNotes } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import type { ManageOutcome } from './actions';
import { CancelForm, RespondForm } from './manage-forms';

// The token is in the URL: keep it out of search engines and out of the Referer sent to any
// other site. 'same-origin' rather than 'no-referrer': under no-referrer a plain form POST (before
// the page has hydrated, or without JavaScript) carries `Origin: null`, which Next's server-action
// origin check refuses.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string | string[] }> };

const OUTCOMES: readonly ManageOutcome[] = ['confirmed', 'declined', 'cancelled'];

export default async function ManageBookingPage({ params, searchParams }: Props) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const booking = await loadOrInvalid(token);
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isLocale(chosen) ? chosen : booking ? booking.locale : await currentLocale();
  const t = await getTranslations({ locale, namespace: 'manage' });

  if (!booking) {
    return (
      <Shell locale={locale}>
        <Alert variant="warning" title={t('invalid.title')}>
          <p>{t('invalid.body')}</p>
          <p className="mt-2">{t('invalid.help')}</p>
        </Alert>
      </Shell>
    );
  }

  const tStatus = await getTranslations({ locale, namespace: 'status' });
  const outcome = [done].flat()[0];
  const zone = t('timeZoneNote', { zone: booking.timeZone });
  const when = (instant: Date) => `${formatDateTime(instant, locale, booking.timeZone)} ${zone}`;
  const rows: [string, string | null][] = [
    [t('reference'), booking.reference],
    [t('resource'), localizedName(booking.resource, locale)],
    [t('place'), booking.resource.location],
    [t('time'), `${formatRange(booking.startAt, booking.endAt, locale, booking.timeZone)} ${zone}`],
    [t('status'), tStatus(booking.status)],
    [t('deadline'), booking.status === 'awaiting_confirmation' && booking.confirmDeadline ? when(booking.confirmDeadline) : null],
    [t('opinion'), booking.reviewOpinion],
    [t('statusReason'), booking.statusReason],
    [t('contact'), booking.company ? `${booking.contactName} · ${booking.company}` : booking.contactName],
    [t('visitors'), booking.visitors === null ? null : String(booking.visitors)],
    [t('specialNeeds'), booking.specialNeeds || null],
    [t('notes'), localizedNotes(booking.resource, locale) || null],
  ];
  const text = {
    confirm: t('confirm'),
    decline: t('decline'),
    declineReason: t('declineReason'),
    cancel: t('cancel'),
    cancelReason: t('cancelReason'),
    cancelHint: t('cancelHint'),
    sending: t('sending'),
  };

  return (
    <Shell locale={locale}>
      {outcome && (OUTCOMES as readonly string[]).includes(outcome) && (
        <Alert variant="success" title={t(`done.${outcome as ManageOutcome}`)} />
      )}
      <Card>
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle as="h1" className="text-xl">
              {t('title')}
            </CardTitle>
            <StatusBadge status={booking.status} className="text-sm" />
          </div>
          <p className="text-slate-700">{explanation(booking, t, when)}</p>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows
              .filter((row): row is [string, string] => Boolean(row[1]))
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="break-words whitespace-pre-wrap text-slate-900">{value}</dd>
                </div>
              ))}
          </dl>
        </CardContent>
      </Card>

      {(booking.actions.confirm || booking.actions.decline) && (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('respondHeading')}</CardTitle>
            <p className="text-sm text-slate-600">{t('respondIntro')}</p>
          </CardHeader>
          <CardContent>
            <RespondForm token={token} locale={locale} text={text} />
          </CardContent>
        </Card>
      )}

      {booking.actions.cancel && (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('cancelHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <CancelForm token={token} locale={locale} text={text} />
          </CardContent>
        </Card>
      )}
      <p className="text-sm text-slate-600">{t('help')}</p>
    </Shell>
  );
}

/** The booking behind a live link, or null for any link that cannot be used. */
async function loadOrInvalid(token: string): Promise<ManagedBooking | null> {
  try {
    return await loadManagedBooking(await getDb(), token);
  } catch (error) {
    if (isDomainError(error) && (error.code === 'token_invalid' || error.code === 'not_found')) return null;
    throw error;
  }
}

type Translate = Awaited<ReturnType<typeof getTranslations<'manage'>>>;

/** One sentence on where the booking stands and what, if anything, the customer should do. */
function explanation(booking: ManagedBooking, t: Translate, when: (instant: Date) => string): string {
  if (booking.status === 'awaiting_confirmation' && booking.confirmDeadline) {
    return booking.actions.confirm
      ? t('explain.awaiting_confirmation', { deadline: when(booking.confirmDeadline) })
      : t('explain.deadlinePassed');
  }
  return t(`explain.${booking.status}`);
}

function Shell({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <PublicHeader />
      <main id="main" tabIndex={-1} lang={localeTags[locale]} className="mx-auto flex w-full max-w-2xl flex-col gap-4 px-4 py-6 focus:outline-none sm:py-10">
        {children}
      </main>
    </>
  );
}
