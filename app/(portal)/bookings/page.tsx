import { BellIcon, CalendarDaysIcon, CalendarPlusIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listMyBookings, type BookingListItem } from '@/lib/booking/queries';
import { isHolding } from '@/lib/booking/state';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('booking'))('list.title') };
}

const FILTERS = ['all', 'active', 'past'] as const;
type Filter = (typeof FILTERS)[number];

type Props = { searchParams: Promise<{ show?: string | string[] }> };

/** Still ahead of us: holds its slot and has not ended. Everything else is history. */
function isActive(booking: BookingListItem, now: Date): boolean {
  return isHolding(booking.status) && booking.endAt > now;
}

export default async function MyBookingsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [bookings, t, tWaitlist, locale, timeZone, { show }] = await Promise.all([
    listMyBookings(await getDb(), actor),
    getTranslations('booking'),
    getTranslations('waitlist'),
    currentLocale(),
    getTimeZone(),
    searchParams,
  ]);
  const filter: Filter = (FILTERS as readonly string[]).includes(String(show)) ? (show as Filter) : 'all';
  const now = new Date();
  // Upcoming first, soonest at the top; then the history, most recent first.
  const active = bookings.filter((b) => isActive(b, now)).sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const past = bookings.filter((b) => !isActive(b, now)).sort((a, b) => b.startAt.getTime() - a.startAt.getTime());
  const shown = filter === 'active' ? active : filter === 'past' ? past : [...active, ...past];
  const counts: Record<Filter, number> = { all: bookings.length, active: active.length, past: past.length };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.intro')}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/waitlist">
                <BellIcon aria-hidden />
                {tWaitlist('link')}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/calendar">
                <CalendarDaysIcon aria-hidden />
                {t('list.calendarLink')}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/bookings/new">
                <CalendarPlusIcon aria-hidden />
                {t('new.title')}
              </Link>
            </Button>
          </>
        }
      />
      <nav aria-label={t('list.filterLabel')} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f === 'all' ? '/bookings' : `/bookings?show=${f}`}
                aria-current={f === filter ? 'page' : undefined}
                className={cn(
                  'inline-flex h-9 items-center gap-1.5 rounded-full border px-3 text-sm font-medium',
                  f === filter ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
                )}
              >
                {t(`list.filter.${f}`)}
                <span className={cn('tabular-nums', f === filter ? 'text-blue-100' : 'text-slate-500')}>{counts[f]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {shown.length === 0 ? (
        <Card>
          <CardContent className="pt-4 text-slate-600 sm:pt-5">{t(bookings.length === 0 ? 'list.none' : 'list.noneInFilter')}</CardContent>
        </Card>
      ) : (
        <>
          {/* Phones: one card per booking. */}
          <ul className="flex flex-col gap-3 md:hidden">
            {shown.map((booking) => (
              <BookingCard key={booking.id} booking={booking} locale={locale} timeZone={timeZone} />
            ))}
          </ul>
          {/* Wider screens: a table. */}
          <div className="hidden md:block">
            <Table label={t('list.title')}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('fields.reference')}</TableHead>
                  <TableHead>{t('fields.resource')}</TableHead>
                  <TableHead>{t('fields.time')}</TableHead>
                  <TableHead>{t('fields.purpose')}</TableHead>
                  <TableHead>{t('fields.status')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((booking) => (
                  <TableRow key={booking.id}>
                    <TableCell className="font-mono whitespace-nowrap">
                      <Link href={`/bookings/${booking.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                        {booking.reference}
                      </Link>
                    </TableCell>
                    <TableCell className="min-w-36">
                      {resourceName(booking, locale)}
                      <span className="block font-mono text-xs text-slate-500">{booking.resourceCode}</span>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <time dateTime={booking.startAt.toISOString()}>{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</time>
                    </TableCell>
                    <TableCell className="max-w-64 min-w-40">
                      <span className="line-clamp-2">{booking.purpose}</span>
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={booking.status} />
                      <Deadline booking={booking} locale={locale} timeZone={timeZone} className="mt-1 block" />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}

function resourceName(booking: BookingListItem, locale: AppLocale): string {
  return localizedName({ nameZh: booking.resourceNameZh, nameEn: booking.resourceNameEn }, locale);
}

type RowProps = { booking: BookingListItem; locale: AppLocale; timeZone: string };

function BookingCard({ booking, locale, timeZone }: RowProps) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-0.5">
          <Link
            href={`/bookings/${booking.id}`}
            className="font-mono text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
          >
            {booking.reference}
          </Link>
          <p className="font-medium text-slate-900">{resourceName(booking, locale)}</p>
        </div>
        <StatusBadge status={booking.status} />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        <time dateTime={booking.startAt.toISOString()}>{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</time>
      </p>
      <p className="mt-1 line-clamp-2 text-sm text-slate-600">{booking.purpose}</p>
      <Deadline booking={booking} locale={locale} timeZone={timeZone} className="mt-2 block" />
    </li>
  );
}

function Deadline({ booking, locale, timeZone, className }: RowProps & { className?: string }) {
  const t = useTranslations('booking');
  if (booking.status !== 'awaiting_confirmation' || !booking.confirmDeadline) return null;
  return (
    <span className={cn('text-sm font-medium text-sky-800', className)}>
      {t('list.confirmBy', { deadline: formatDateTime(booking.confirmDeadline, locale, timeZone) })}
    </span>
  );
}
