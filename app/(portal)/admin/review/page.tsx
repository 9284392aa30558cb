import { HourglassIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import type { Department } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import { listResources } from '@/lib/booking/queries';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listDepartments, listResourceTypes } from '@/lib/resources/options';
import { loadReviewLists, parseReviewSearch, REVIEW_TABS, type ReviewRow } from '@/lib/booking/review-queue';
import { cn } from '@/lib/utils';
import { RequestBadges } from '@/components/booking/request-badges';
import { ReviewFilters } from './review-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('review'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The review dashboard: pending requests in the order admin handles them, and those waiting for information. */
export default async function ReviewPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const search = parseReviewSearch(await searchParams);
  const { tab, filters } = search;
  const db = await getDb();
  const [lists, resources, types, departments, locale, timeZone, t, tEntries] = await Promise.all([
    loadReviewLists(db, actor, search),
    listResources(db, { includeRetired: true }),
    listResourceTypes(db),
    listDepartments(db),
    currentLocale(),
    getTimeZone(),
    getTranslations('review'),
    getTranslations('entries'),
  ]);
  const { rows, counts } = lists;
  const query = new URLSearchParams(
    Object.entries({ resource: filters.resourceId, type: filters.typeId, department: filters.departmentId, date: filters.date }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const departmentById = new Map(departments.map((d) => [d.id, d]));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Button asChild variant="outline">
            <Link href="/admin/entries/new">{tEntries('link')}</Link>
          </Button>
        }
      />
      <nav aria-label={t('tabs.label')} className="mb-4 overflow-x-auto">
        <ul className="flex gap-1 border-b border-slate-200">
          {REVIEW_TABS.map((key) => {
            const params = new URLSearchParams(query);
            params.set('tab', key);
            return (
              <li key={key}>
                <Link
                  href={`/admin/review?${params}`}
                  aria-current={key === tab ? 'page' : undefined}
                  className={cn(
                    '-mb-px flex h-11 items-center gap-1.5 border-b-2 border-transparent px-2 text-sm sm:gap-2 sm:px-3 font-medium whitespace-nowrap text-slate-600 hover:text-slate-900',
                    'aria-[current=page]:border-blue-700 aria-[current=page]:text-blue-800',
                  )}
                >
                  {t(`tabs.${key}`)}
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs tabular-nums text-slate-700">{counts[key]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <ReviewFilters tab={tab} filters={filters} resources={resources} types={types} departments={departments} locale={locale} />
      {tab !== 'needs_info' && <p className="mb-3 text-sm text-slate-600">{t('orderExplained')}</p>}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          {Object.values(filters).some(Boolean) ? t('emptyFiltered') : t(`empty.${tab}`)}
        </p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t(`tabs.${tab}`)}>
          {rows.map((row) => (
            <QueueRow
              key={`${row.booking.id}:${row.change?.id ?? ''}`}
              row={row}
              department={row.booking.departmentId ? departmentById.get(row.booking.departmentId) : undefined}
              locale={locale}
              timeZone={timeZone}
            />
          ))}
        </ol>
      )}
      <Pagination
        page={lists.page}
        pageCount={lists.pageCount}
        href={(page) => {
          const params = new URLSearchParams(query);
          params.set('tab', tab);
          params.set('page', String(page));
          return `/admin/review?${params}`;
        }}
        label={t('pages')}
        className="mt-4"
      />
    </>
  );
}

const reasonVariant = { priority: 'danger', customer: 'info', fifo: 'neutral', waiting: 'warning' } as const;

function QueueRow({
  row,
  department,
  locale,
  timeZone,
}: {
  row: ReviewRow;
  department: Department | undefined;
  locale: AppLocale;
  timeZone: string;
}) {
  const t = useTranslations('review');
  const tChannel = useTranslations('channel');
  const tChange = useTranslations('change');
  const { booking, resource } = row;
  const affiliation = booking.requesterKind === 'customer' ? booking.company : department && localizedName(department, locale);
  const facts: [string, string][] = [
    [t('columns.requester'), affiliation ? `${booking.contactName} · ${affiliation}` : booking.contactName],
    [t('columns.channel'), tChannel(booking.channel)],
    [t('columns.resource'), `${resource.code} ${localizedName(resource, locale)}`],
    [t('columns.time'), formatRange(booking.startAt, booking.endAt, locale, timeZone)],
    ...(row.change
      ? ([
          [tChange('review.queueTime'), formatRange(row.change.newStartAt, row.change.newEndAt, locale, timeZone)],
          [tChange('review.requestedAt'), formatDateTime(row.change.createdAt, locale, timeZone)],
        ] as [string, string][])
      : ([[t('columns.submittedAt'), formatDateTime(booking.submittedAt, locale, timeZone)]] as [string, string][])),
  ];

  return (
    <li className="relative flex gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm focus-within:border-blue-600 hover:border-blue-300 sm:gap-4">
      <div className="flex shrink-0 flex-col items-center gap-1 text-center sm:w-12">
        {row.position !== null ? (
          <span className="flex size-10 items-center justify-center rounded-full bg-blue-700 text-base font-semibold text-white tabular-nums">
            <span aria-hidden>{row.position}</span>
            <span className="sr-only">{t('positionLabel', { position: row.position })}</span>
          </span>
        ) : (
          <span className="flex size-10 items-center justify-center rounded-full bg-amber-50 text-amber-700" aria-hidden>
            <HourglassIcon className="size-5" />
          </span>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          {/* The link covers the whole card; the reference is its name. */}
          <Link
            href={`/admin/review/${booking.id}`}
            className="font-mono text-base font-semibold text-blue-800 underline-offset-4 after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-none"
          >
            {booking.reference}
          </Link>
          {/* The reason also tells the status: a queue reason is pending, "waiting" is needs_info. */}
          <Badge variant={reasonVariant[row.reason]}>{t(`reason.${row.reason}`)}</Badge>
          {row.change && <Badge variant="warning">{tChange('review.queueBadge')}</Badge>}
        </div>
        <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))]">
          {facts.map(([label, value]) => (
            <div key={label} className="flex min-w-0 gap-2">
              <dt className="shrink-0 text-slate-500">{label}</dt>
              <dd className="min-w-0 break-words text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <RequestBadges booking={booking} coordinationOpen={row.coordinationOpen} />
      </div>
    </li>
  );
}
