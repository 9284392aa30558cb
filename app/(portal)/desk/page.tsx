import { SearchIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { BookingSummary } from '@/components/desk/booking-summary';
import { DeskNav } from '@/components/desk/desk-nav';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { fieldClasses, Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getDb } from '@/db';
import { bookingStatus, type BookingStatus } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import {
  listCustomerBookings,
  searchCustomerBookings,
  toNotifyList,
  type CustomerBookingListItem,
} from '@/lib/customer/service-desk';
import { isDomainError } from '@/lib/errors';
import { localizeError } from '@/lib/i18n/error-message';
import { currentLocale } from '@/lib/i18n/server';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('title') };
}

type Props = { searchParams: Promise<{ q?: string | string[]; status?: string | string[] }> };

const STATUSES = bookingStatus.enumValues;

/**
 * 服务台: every customer booking with its status (filter by status), and a search for customers
 * and bookings by name, company, phone, e-mail or reference (GET ?q=, so a search can be shared
 * and works without JavaScript).
 */
export default async function DeskPage({ searchParams }: Props) {
  const actor = await requirePageActor('customer_service', 'admin');
  const db = await getDb();
  const [params, t, tStatus, locale, timeZone, toNotify] = await Promise.all([
    searchParams,
    getTranslations('desk'),
    getTranslations('status'),
    currentLocale(),
    getTimeZone(),
    toNotifyList(db, actor),
  ]);
  const query = ([params.q].flat()[0] ?? '').trim();
  const wanted = [params.status].flat()[0];
  const status = (STATUSES as readonly string[]).includes(wanted ?? '') ? (wanted as BookingStatus) : undefined;

  let bookings: CustomerBookingListItem[] = [];
  let searchError: string | null = null;
  if (query) {
    try {
      bookings = await searchCustomerBookings(db, actor, query, { status });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
      searchError = (await localizeError(error)).message;
    }
  } else {
    bookings = await listCustomerBookings(db, actor, { status });
  }
  const filtered = Boolean(query || status);

  return (
    <>
      <DeskNav current="bookings" toNotify={toNotify.length} />
      <PageHeader title={t('title')} description={t('intro')} />

      <form method="get" action="/desk" role="search" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-end">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="desk-q">{t('search.label')}</Label>
          <Input id="desk-q" type="search" name="q" defaultValue={query} maxLength={100} placeholder={t('search.placeholder')} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="desk-status">{t('search.status')}</Label>
          <select id="desk-status" name="status" defaultValue={status ?? ''} className={cn(fieldClasses, 'h-10 py-2')}>
            <option value="">{t('search.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">
            <SearchIcon aria-hidden />
            {t('search.submit')}
          </Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/desk">{t('search.clear')}</Link>
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="desk-results" className="flex flex-col gap-3">
        <h2 id="desk-results" className="text-lg font-semibold">
          {query ? t('search.resultsFor', { query, count: bookings.length }) : t('search.all', { count: bookings.length })}
        </h2>
        {searchError && <Alert variant="error">{searchError}</Alert>}
        {bookings.length === 0 ? (
          <Card>
            <CardContent className="pt-4 text-slate-600 sm:pt-5">{filtered ? t('search.noMatch') : t('search.none')}</CardContent>
          </Card>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2">
            {bookings.map((booking) => (
              <li key={booking.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <BookingSummary booking={booking} locale={locale} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
