/**
 * /door/<resource code> — where the QR code on the door leads, phone first: what is on now and
 * next today, and a check-in button for the signed-in person whose booking it is. Customers are
 * pointed to the link in their e-mail; anyone else sees times and states only.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { loginUrl } from '@/lib/auth/portal-paths';
import { loadDoorPage, type DoorEntry } from '@/lib/booking/door';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { DoorCheckIn } from './door-check-in';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: decodeURIComponent(code), robots: { index: false, follow: false } };
}

export default async function DoorPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const actor = await currentActor();
  const [page, locale, t] = await Promise.all([
    loadDoorPage(await getDb(), actor, decodeURIComponent(code)),
    currentLocale(),
    getTranslations('visit.door'),
  ]);
  if (!page) notFound();
  const { resource, timeZone } = page;
  const mine = [page.now, ...page.next].filter((e): e is DoorEntry => e !== null && e.mine !== null);
  const done = [query.done].flat()[0] === 'checkedIn';

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{localizedName(resource, locale)}</h1>
        <p className="text-slate-600">
          <span className="font-mono">{resource.code}</span> · {resource.location}
        </p>
      </header>
      {done && <Alert variant="success" title={t('checkedIn')} />}
      {resource.state !== 'in_service' && <Alert variant="warning">{t('unavailable')}</Alert>}

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('now')}</CardTitle>
        </CardHeader>
        <CardContent>
          {page.now ? <Entry entry={page.now} locale={locale} timeZone={timeZone} t={t} /> : <p className="text-lg text-emerald-800">{t('free')}</p>}
        </CardContent>
      </Card>

      {mine.map((entry) => (
        <MyBooking key={entry.mine!.id} entry={entry} code={resource.code} locale={locale} timeZone={timeZone} t={t} />
      ))}

      {actor.kind !== 'user' && (
        <Card>
          <CardContent className="flex flex-col gap-3 pt-6">
            <Button asChild size="lg" className="h-12 w-full">
              <Link href={loginUrl(`/door/${encodeURIComponent(resource.code)}`)}>{t('signIn')}</Link>
            </Button>
            <p className="text-sm text-slate-700">{t('customers')}</p>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('next')}</CardTitle>
        </CardHeader>
        <CardContent>
          {page.next.length === 0 ? (
            <p className="text-slate-600">{t('nothingNext')}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {page.next.map((entry) => (
                <li key={entry.startAt.toISOString()}>
                  <Entry entry={entry} locale={locale} timeZone={timeZone} t={t} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'visit.door'>>>;

function Entry({ entry, locale, timeZone, t }: { entry: DoorEntry; locale: AppLocale; timeZone: string; t: T }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <time dateTime={entry.startAt.toISOString()} className="text-lg font-medium text-slate-900">
        {formatRange(entry.startAt, entry.endAt, locale, timeZone)}
      </time>
      <span className="text-sm text-slate-700">
        {entry.status === 'in_use' ? t('inUse') : t('booked')}
        {entry.mine && ` · ${t('yours', { reference: entry.mine.reference })}`}
      </span>
    </div>
  );
}

function MyBooking({ entry, code, locale, timeZone, t }: { entry: DoorEntry; code: string; locale: AppLocale; timeZone: string; t: T }) {
  const mine = entry.mine!;
  return (
    <Card className="border-blue-300">
      <CardHeader>
        <CardTitle as="h2">{t('yours', { reference: mine.reference })}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {mine.canCheckIn && <DoorCheckIn bookingId={mine.id} code={code} />}
        {!mine.canCheckIn && entry.status === 'confirmed' && mine.window.opensAt > new Date() && (
          <p className="text-slate-700">{t('notYet', { reference: mine.reference, opens: formatDateTime(mine.window.opensAt, locale, timeZone) })}</p>
        )}
        <Button asChild variant="outline" size="lg" className="h-12 w-full">
          <Link href={`/bookings/${mine.id}`}>{t('openBooking')}</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
