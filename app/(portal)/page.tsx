import { CalendarPlusIcon, MapPinIcon, UsersIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ResourceStateBadge } from '@/components/ui/resource-state-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import type { Resource } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedFacilities, localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { homeBookingsFor, type HomeBooking } from '@/lib/home/queries';
import { listResourcesByType } from '@/lib/resources/queries';
import type { AppLocale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function HomePage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [groups, bookings, t, locale, timeZone] = await Promise.all([
    listResourcesByType(db),
    homeBookingsFor(db, actor),
    getTranslations('home'),
    currentLocale(),
    getTimeZone(),
  ]);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('greeting', { name: actor.name })}
        actions={
          <Button asChild>
            <Link href="/bookings/new">
              <CalendarPlusIcon aria-hidden />
              {t('newBooking')}
            </Link>
          </Button>
        }
      />

      <section aria-labelledby="my-bookings" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="my-bookings" className="text-lg font-semibold">
            {t('myBookingsHeading')}
          </h2>
          <Link href="/bookings" className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
            {t('allBookings')}
          </Link>
        </div>
        {bookings.length === 0 ? (
          <Card>
            <CardContent className="pt-4 text-slate-600 sm:pt-5">{t('noBookings')}</CardContent>
          </Card>
        ) : (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {bookings.map((booking) => (
              <MyBookingRow key={booking.id} booking={booking} locale={locale} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="resources">
        <div className="mb-4 flex flex-col gap-1">
          <h2 id="resources" className="text-lg font-semibold">
            {t('resourcesHeading')}
          </h2>
          <p className="text-sm text-slate-600">{t('resourcesIntro')}</p>
        </div>
        {groups.length === 0 && <p className="text-slate-600">{t('noResources')}</p>}
        <div className="flex flex-col gap-8">
          {groups.map(({ type, resources }) => (
            <section key={type.id} aria-labelledby={`type-${type.code}`}>
              <h3 id={`type-${type.code}`} className="mb-3 flex items-baseline gap-2 text-base font-semibold text-slate-800">
                {localizedName(type, locale)}
                <span className="text-sm font-normal text-slate-500">{t('resourceCount', { count: resources.length })}</span>
              </h3>
              <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {resources.map((resource) => (
                  <li key={resource.id}>
                    <ResourceCard resource={resource} locale={locale} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </>
  );
}

function ResourceCard({ resource, locale }: { resource: Resource; locale: AppLocale }) {
  const t = useTranslations('home');
  const tCommon = useTranslations('common');
  const name = localizedName(resource, locale);
  return (
    <Card className="flex h-full flex-col">
      <CardHeader className="gap-2">
        <div className="flex items-start justify-between gap-2">
          <CardTitle as="h4">{name}</CardTitle>
          <span className="shrink-0 font-mono text-xs text-slate-500">
            <span className="sr-only">{t('code')} </span>
            {resource.code}
          </span>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {resource.state !== 'in_service' && <ResourceStateBadge state={resource.state} />}
          {resource.customerBookable && <Badge variant="info">{t('customerBookable')}</Badge>}
        </div>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1.5 text-slate-700">
          <dt className="flex items-center">
            <MapPinIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('location')}</span>
          </dt>
          <dd>{localizedLocation(resource, locale)}</dd>
          <dt className="flex items-center">
            <UsersIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('capacity')}</span>
          </dt>
          <dd>{tCommon('people', { count: resource.capacity })}</dd>
        </dl>
        {resource.facilities.length > 0 && (
          <div>
            <p className="sr-only">{t('facilities')}</p>
            <ul className="flex flex-wrap gap-1.5">
              {localizedFacilities(resource, locale).map((facility) => (
                <li key={facility}>
                  <Badge variant="outline">{facility}</Badge>
                </li>
              ))}
            </ul>
          </div>
        )}
        {resource.state === 'in_service' && (
          <div className="mt-auto pt-1">
            <Button asChild variant="outline" size="sm">
              <Link href={`/bookings/new?resourceId=${resource.id}`} aria-label={t('bookResource', { name })}>
                {t('book')}
              </Link>
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function MyBookingRow({ booking, locale, timeZone }: { booking: HomeBooking; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('home');
  return (
    <li className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link href={`/bookings/${booking.id}`} className="font-mono text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
            {booking.reference}
          </Link>
          <span className="font-medium text-slate-900">{localizedName(booking.resource, locale)}</span>
        </div>
        <p className="text-sm text-slate-600">
          <time dateTime={booking.startAt.toISOString()}>{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</time>
        </p>
        {booking.status === 'awaiting_confirmation' && booking.confirmDeadline && (
          <p className="text-sm font-medium text-sky-800">
            {t('confirmBy', { deadline: formatDateTime(booking.confirmDeadline, locale, timeZone) })}
          </p>
        )}
      </div>
      <StatusBadge status={booking.status} />
    </li>
  );
}
