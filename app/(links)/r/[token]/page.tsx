/**
 * /r/<token>: the page behind the Confirm / Decline buttons of the approval e-mail. A GET (or
 * HEAD) only shows the booking — mail scanners open links — and the change happens when a
 * button POSTs to ./actions.ts. A used, expired or unknown link gets a clear page, never an
 * error. Shown in the visitor's chosen language, else the applicant's.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { isLocale, LOCALE_COOKIE, type AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName, localizedNotes } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { loadRespondPage } from '@/lib/booking/respond-link';
import { RespondForm } from './respond-form';

// The token is in the URL: keep it out of search engines and out of the Referer sent to any
// other site. 'same-origin' rather than 'no-referrer': a form posted before the page's script
// runs must still carry an Origin, or Next refuses the server action.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ intent?: string | string[] }> };

export default async function RespondPage({ params, searchParams }: Props) {
  const [{ token }, { intent }] = await Promise.all([params, searchParams]);
  const view = await loadRespondPage(await getDb(), token);
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isLocale(chosen) ? chosen : view.state === 'invalid' ? await currentLocale() : view.applicantLocale;
  const t = await getTranslations({ locale, namespace: 'links' });

  if (view.state === 'invalid') {
    return (
      <Shell>
        <Alert variant="warning" title={t('invalidTitle')}>
          <p>{t(`invalid.${view.reason}`)}</p>
          <p className="mt-2">{t('help')}</p>
        </Alert>
      </Shell>
    );
  }

  const { booking } = view;
  const zone = t('timeZoneNote', { zone: booking.timeZone });
  const tStatus = await getTranslations({ locale, namespace: 'status' });
  const rows: [string, string | null][] = [
    [t('reference'), booking.reference],
    [t('resource'), localizedName(booking.resource, locale)],
    [t('place'), booking.resource.location],
    [t('time'), `${formatRange(booking.startAt, booking.endAt, locale, booking.timeZone)} ${zone}`],
    [t('opinion'), booking.opinion],
    [t('notes'), localizedNotes(booking.resource, locale) || null],
    [t('deadline'), booking.deadline && `${formatDateTime(booking.deadline, locale, booking.timeZone)} ${zone}`],
    [t('status'), tStatus(booking.status)],
  ];

  return (
    <Shell>
      <Card>
        <CardHeader>
          <CardTitle as="h1" className="text-xl">
            {t('respondTitle')}
          </CardTitle>
          {view.state === 'open' && <p className="text-slate-700">{t('respondIntro')}</p>}
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="whitespace-pre-wrap text-slate-900">{value}</dd>
                </div>
              ))}
          </dl>
          {view.state === 'open' ? (
            <RespondForm
              token={token}
              locale={locale}
              intent={intent === 'confirm' || intent === 'decline' ? intent : null}
              text={{
                confirm: t('confirm'),
                decline: t('decline'),
                declineReason: t('declineReason'),
                submitting: t('submitting'),
                confirmed: t('confirmed'),
                declined: t('declined'),
              }}
            />
          ) : (
            <Alert variant="info">{t('closed', { status: tStatus(booking.status) })}</Alert>
          )}
        </CardContent>
      </Card>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex w-full max-w-xl flex-col gap-4 px-4 py-10">
      {children}
    </main>
  );
}
