import { ArrowLeftIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { PeriodForm } from '@/components/reports/period-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { ResourceStateBadge } from '@/components/ui/resource-state-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/authz';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localeTags } from '@/lib/i18n/config';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { askedPeriod, defaultPeriod } from '@/lib/reports/report';
import { clockTime } from '@/lib/resources/format';
import { ledgerUsage } from '@/lib/resources/ledger-usage';
import { getSettings } from '@/lib/settings';
import { cn } from '@/lib/utils';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ledger'))('periodLedger.title') };
}

/** The period asked for, or the current month with an error when that is not a valid period. */
async function load(db: Db, actor: Actor, id: string, asked: { from: string; to: string }, page: number, timeZone: string) {
  try {
    return { ledger: await ledgerUsage(db, actor, id, asked, { page }), invalid: false };
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
    return { ledger: await ledgerUsage(db, actor, id, defaultPeriod(new Date(), timeZone), { page: 1 }), invalid: true };
  }
}

/** A resource's ledger (台账) over chosen days: its bookings with their use and incidents, and the totals. */
export default async function PeriodLedgerPage({ params, searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [{ id }, query, settings, locale, t, tCommon, tChannel, tVisit, tValidation, tSurvey] = await Promise.all([
    params,
    searchParams,
    getSettings(db),
    currentLocale(),
    getTranslations('ledger'),
    getTranslations('common'),
    getTranslations('channel'),
    getTranslations('visit'),
    getTranslations('validation'),
    getTranslations('survey.answer'),
  ]);
  const { timeZone } = settings;
  const page = Number([query.page].flat()[0] ?? 1) || 1;
  const { ledger, invalid } = await load(db, actor, id, askedPeriod(query, new Date(), timeZone), page, timeZone);
  const { resource, period, totals, satisfaction } = ledger;
  const from = period.fromDay;
  const to = period.toDay;
  const base = `/admin/resources/${resource.id}/ledger`;
  const dash = <span className="text-slate-400">—</span>;
  const figures = [
    [t('periodLedger.bookedHours'), totals.bookedHours],
    [t('periodLedger.usedHours'), totals.usedHours],
    [t('periodLedger.noShows'), totals.noShows],
    [t('periodLedger.incidents'), totals.incidents],
  ] as const;
  const average = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(localeTags[locale], { minimumFractionDigits: 2 }).format(value));
  const satisfactionFigures = [
    [t('periodLedger.surveysSent'), satisfaction.sent],
    [t('periodLedger.surveyAnswers'), satisfaction.responses],
    [t('periodLedger.averageOverall'), average(satisfaction.overall)],
    [t('periodLedger.averageCondition'), average(satisfaction.condition)],
    [t('periodLedger.averageService'), average(satisfaction.service)],
  ] as const;

  return (
    <>
      <Link
        href={`/admin/resources/${resource.id}`}
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('periodLedger.details')}
      </Link>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-slate-500">{resource.code}</span>
            {localizedName(resource, locale)}
          </>
        }
        description={t('periodLedger.summary', {
          type: localizedName(resource.type, locale),
          location: localizedLocation(resource, locale),
          capacity: tCommon('people', { count: resource.capacity }),
          hours: `${t('hoursValue', { opens: clockTime(resource.opensAt), closes: clockTime(resource.closesAt) })} (${
            resource.workingDaysOnly ? t('workingDaysOnly') : t('everyDay')
          })`,
        })}
        actions={<ResourceStateBadge state={resource.state} />}
      />
      <p className="mb-4 text-slate-600">{t('periodLedger.intro')}</p>
      <div className="mb-8 flex flex-col gap-3">
        {invalid && <Alert variant="error" title={tValidation('invalid_range')} />}
        <PeriodForm action={base} from={from} to={to} />
      </div>

      <section aria-labelledby="ledger-totals" className="mb-8 flex flex-col gap-3">
        <h2 id="ledger-totals" className="text-lg font-semibold">
          {t('periodLedger.totals')}
        </h2>
        <Figures figures={figures} className="sm:grid-cols-4" />
        <h3 className="text-base font-semibold">{t('periodLedger.satisfaction')}</h3>
        <Figures figures={satisfactionFigures} className="sm:grid-cols-5" />
      </section>

      {/* Not a landmark of its own: the table's scroll box is the region named for the bookings. */}
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="ledger-bookings" className="text-lg font-semibold">
            {t('periodLedger.bookingsHeading')}
          </h2>
          <p className="text-sm text-slate-600">{t('periodLedger.count', { count: ledger.total })}</p>
        </div>
        {ledger.bookings.length > 0 && (
          <Table label={t('periodLedger.bookingsHeading')}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('reference')}</TableHead>
                <TableHead>{t('time')}</TableHead>
                <TableHead>{t('requester')}</TableHead>
                <TableHead>{t('periodLedger.purpose')}</TableHead>
                <TableHead>{t('status')}</TableHead>
                <TableHead>{t('periodLedger.use')}</TableHead>
                <TableHead>{t('periodLedger.condition')}</TableHead>
                <TableHead>{t('inspection')}</TableHead>
                <TableHead>{t('periodLedger.incidents_column')}</TableHead>
                <TableHead>{t('periodLedger.survey')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ledger.bookings.map((booking) => (
                <TableRow key={booking.id}>
                  <TableCell className="font-mono whitespace-nowrap">{booking.reference}</TableCell>
                  <TableCell className="whitespace-nowrap">{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</TableCell>
                  <TableCell className="min-w-36">
                    {booking.applicant}
                    <span className="block text-xs text-slate-500">
                      {booking.requesterKind === 'customer' ? booking.company : booking.department && localizedName(booking.department, locale)}
                      {' · '}
                      {tChannel(booking.channel)}
                    </span>
                  </TableCell>
                  <TableCell className="min-w-40">{booking.purpose || dash}</TableCell>
                  <TableCell>
                    <StatusBadge status={booking.status} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {booking.checkedInAt ? formatDateTime(booking.checkedInAt, locale, timeZone) : dash}
                    <span className="block">
                      {booking.checkedOutAt
                        ? formatDateTime(booking.checkedOutAt, locale, timeZone)
                        : booking.notCheckedOut && <span className="text-xs text-amber-800">{t('periodLedger.notCheckedOut')}</span>}
                    </span>
                  </TableCell>
                  <TableCell className="min-w-32">
                    {booking.condition ? (
                      <>
                        <Badge variant={booking.condition === 'issue' ? 'warning' : 'success'}>{tVisit(`condition.${booking.condition}`)}</Badge>
                        {booking.conditionNotes && <span className="mt-1 block text-xs text-slate-600">{booking.conditionNotes}</span>}
                      </>
                    ) : (
                      dash
                    )}
                  </TableCell>
                  <TableCell className="min-w-40">
                    {booking.inspectedAt ? (
                      <>
                        {booking.inspectionResult && (
                          <Badge variant={booking.inspectionResult === 'issue' ? 'warning' : 'success'}>
                            {tVisit(`condition.${booking.inspectionResult}`)}
                          </Badge>
                        )}
                        {booking.inspectionNote && <span className="mt-1 block">{booking.inspectionNote}</span>}
                        <span className="block text-xs text-slate-500">{formatDateTime(booking.inspectedAt, locale, timeZone)}</span>
                      </>
                    ) : (
                      dash
                    )}
                  </TableCell>
                  <TableCell className="min-w-48">
                    {booking.incidents.length === 0 ? (
                      dash
                    ) : (
                      <ul className="flex flex-col gap-2">
                        {booking.incidents.map((incident) => (
                          <li key={incident.id}>
                            <span className="flex flex-wrap gap-1">
                              <Badge variant={incident.severity === 'blocking' ? 'danger' : 'warning'}>{t(`severity.${incident.severity}`)}</Badge>
                              <Badge variant={incident.status === 'open' ? 'outline' : 'success'}>{t(`incidentStatus.${incident.status}`)}</Badge>
                            </span>
                            <span className="mt-1 block whitespace-pre-line">{incident.description}</span>
                            {incident.resolution && (
                              <span className="block text-xs whitespace-pre-line text-slate-600">
                                {t('periodLedger.resolution')}: {incident.resolution}
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className="min-w-40">
                    {booking.survey ? (
                      <>
                        <span className="block whitespace-nowrap tabular-nums">
                          {(['overall', 'condition', 'service'] as const).map((key) => `${tSurvey(key)} ${booking.survey![key]}`).join(' · ')}
                        </span>
                        {booking.survey.comment && <span className="mt-1 block text-xs whitespace-pre-line text-slate-600">{booking.survey.comment}</span>}
                      </>
                    ) : (
                      dash
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Pagination
          page={Math.min(Math.max(1, page), ledger.pageCount)}
          pageCount={ledger.pageCount}
          href={(n) => `${base}?${new URLSearchParams({ from, to, page: String(n) })}`}
          label={t('periodLedger.pages')}
        />
      </div>
    </>
  );
}

/** A row of labelled figures (the period's totals, its satisfaction). */
function Figures({ figures, className }: { figures: readonly (readonly [string, string | number])[]; className: string }) {
  return (
    <dl className={cn('grid grid-cols-2 gap-3', className)}>
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
