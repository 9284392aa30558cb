import { ArrowLeftIcon, NotebookTabsIcon, PencilIcon, PrinterIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { cache, type ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ResourceStateBadge } from '@/components/ui/resource-state-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { auditHistory } from '@/lib/audit/queries';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { isOpenEnded } from '@/lib/incidents/open-ended';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedFacilities, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { clockTime } from '@/lib/resources/format';
import { getLedgerEntry, USAGE_LIMIT, type LedgerEntry } from '@/lib/resources/ledger';
import { ChangeHistory } from './change-history';
import { MaintenanceSection } from './maintenance-section';
import { RetireForm } from './retire-form';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; upcoming?: string }> };

const NOTICES = ['saved', 'retired', 'reinstated'] as const;

// Metadata and page share one load per request.
const load = cache(async (id: string) => {
  const actor = await requirePageActor('admin');
  try {
    return await getLedgerEntry(await getDb(), actor, id);
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await load((await params).id);
  return { title: `${entry.resource.code} · ${(await getTranslations('ledger'))('title')}` };
}

export default async function LedgerEntryPage({ params, searchParams }: Props) {
  const entry = await load((await params).id);
  const { resource } = entry;
  const actor = await requirePageActor('admin');
  const [locale, timeZone, t, tAdmin, tRegister, history, query] = await Promise.all([
    currentLocale(),
    getTimeZone(),
    getTranslations('ledger'),
    getTranslations('resourceAdmin'),
    getTranslations('register'),
    auditHistory(await getDb(), actor, 'resource', resource.id),
    searchParams,
  ]);
  const notice = NOTICES.find((n) => n === query.notice);

  return (
    <>
      <Link
        href="/admin/resources"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon className="size-4" aria-hidden />
        {t('back')}
      </Link>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-slate-500">{resource.code}</span>
            {localizedName(resource, locale)}
          </>
        }
        description={localizedName(entry.type, locale)}
        actions={
          <>
            <ResourceStateBadge state={resource.state} />
            <Button asChild size="sm" variant="outline">
              <Link href={`/admin/resources/${resource.id}/ledger`}>
                <NotebookTabsIcon aria-hidden />
                {t('periodLedger.link')}
              </Link>
            </Button>
            <Button asChild size="sm" variant="outline">
              <Link href={`/admin/bookings/print?resource=${resource.id}`}>
                <PrinterIcon aria-hidden />
                {tRegister('print.link')}
              </Link>
            </Button>
            <Button asChild size="sm">
              <Link href={`/admin/resources/${resource.id}/edit`}>
                <PencilIcon aria-hidden />
                {tAdmin('edit')}
              </Link>
            </Button>
          </>
        }
      />
      {notice && (
        <Alert variant="success" className="mb-6" title={tAdmin(`notice.${notice}`, { upcoming: Number(query.upcoming) || 0 })} />
      )}
      <div className="flex flex-col gap-8">
        <LedgerData entry={entry} locale={locale} timeZone={timeZone} />
        <Blackouts entry={entry} locale={locale} timeZone={timeZone} />
        {resource.state !== 'retired' && <MaintenanceSection actor={actor} resourceId={resource.id} locale={locale} timeZone={timeZone} />}
        <Usage entry={entry} locale={locale} timeZone={timeZone} />
        <Incidents entry={entry} locale={locale} timeZone={timeZone} />
        <ChangeHistory entries={history} locale={locale} timeZone={timeZone} />
        <RetireForm id={resource.id} retired={resource.state === 'retired'} />
      </div>
    </>
  );
}

type SectionProps = { entry: LedgerEntry; locale: AppLocale; timeZone: string };

/** A text the ledger keeps in both languages, each marked with its language (the English may be missing). */
function BothLanguages({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      <span lang="zh-CN">{zh}</span>
      {en && (
        <>
          {' / '}
          <span lang="en">{en}</span>
        </>
      )}
    </>
  );
}

function LedgerData({ entry, locale, timeZone }: SectionProps) {
  const t = useTranslations('ledger');
  const tCommon = useTranslations('common');
  const { resource, responsibleUser } = entry;
  const notSet = <span className="text-slate-500">{tCommon('notSet')}</span>;
  const fields: [string, ReactNode][] = [
    [t('code'), <span key="code" className="font-mono">{resource.code}</span>],
    [t('name'), <BothLanguages key="name" zh={resource.nameZh} en={resource.nameEn} />],
    [t('type'), localizedName(entry.type, locale)],
    [t('location'), <BothLanguages key="location" zh={resource.location} en={resource.locationEn} />],
    [t('capacity'), tCommon('people', { count: resource.capacity })],
    [
      t('facilities'),
      resource.facilities.length > 0 ? (
        <ul key="facilities" className="flex flex-wrap gap-1.5">
          {localizedFacilities(resource, locale).map((facility) => (
            <li key={facility}>
              <Badge variant="outline">{facility}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        notSet
      ),
    ],
    [t('customerBookable'), resource.customerBookable ? tCommon('yes') : tCommon('no')],
    [
      t('hours'),
      `${t('hoursValue', { opens: clockTime(resource.opensAt), closes: clockTime(resource.closesAt) })} · ${
        resource.workingDaysOnly ? t('workingDaysOnly') : t('everyDay')
      }`,
    ],
    [t('buffers'), t('buffersValue', { setup: resource.setupBufferMinutes, cleanup: resource.cleanupBufferMinutes })],
    [t('maxDuration'), tCommon('minutes', { count: resource.maxDurationMinutes })],
    [
      t('responsible'),
      responsibleUser ? `${responsibleUser.name} <${responsibleUser.email}>` : resource.responsibleName || notSet,
    ],
    [t('assetNumber'), resource.assetNumber || notSet],
    [t('model'), resource.model || notSet],
    [t('notesZh'), resource.notesZh ? <span lang="zh-CN">{resource.notesZh}</span> : notSet],
    [t('notesEn'), resource.notesEn ? <span lang="en">{resource.notesEn}</span> : notSet],
    [t('createdAt'), formatDateTime(resource.createdAt, locale, timeZone)],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('details')}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          {fields.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="whitespace-pre-line text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function Blackouts({ entry, locale, timeZone }: SectionProps) {
  const t = useTranslations('ledger');
  return (
    <section className="flex flex-col gap-3">
      <h2 id="blackouts" className="text-lg font-semibold">
        {t('blackoutsHeading')}
      </h2>
      {entry.blackouts.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noBlackouts')}</p>
      ) : (
        <Table label={t('blackoutsHeading')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('period')}</TableHead>
              <TableHead>{t('kind')}</TableHead>
              <TableHead>{t('reason')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entry.blackouts.map((period) => (
              <TableRow key={period.id}>
                <TableCell className="whitespace-nowrap">
                  {formatDateTime(period.startAt, locale, timeZone)} –{' '}
                  {isOpenEnded(period.endAt) ? t('untilResolved') : formatDateTime(period.endAt, locale, timeZone)}
                </TableCell>
                <TableCell>
                  <Badge variant={period.kind === 'maintenance' ? 'warning' : 'neutral'}>{t(`blackoutKind.${period.kind}`)}</Badge>
                </TableCell>
                <TableCell className="min-w-48">{period.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Usage({ entry, locale, timeZone }: SectionProps) {
  const t = useTranslations('ledger');
  const tChannel = useTranslations('channel');
  const dash = <span className="text-slate-400">—</span>;
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="usage" className="text-lg font-semibold">
          {t('usageHeading')}
        </h2>
        <p className="text-sm text-slate-600">{t('usageIntro', { limit: USAGE_LIMIT })}</p>
      </div>
      {entry.usage.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noUsage')}</p>
      ) : (
        <Table label={t('usageHeading')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('reference')}</TableHead>
              <TableHead>{t('time')}</TableHead>
              <TableHead>{t('requester')}</TableHead>
              <TableHead>{t('channel')}</TableHead>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('checkedIn')}</TableHead>
              <TableHead>{t('checkedOut')}</TableHead>
              <TableHead>{t('inspection')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entry.usage.map((booking) => (
              <TableRow key={booking.id}>
                <TableCell className="font-mono whitespace-nowrap">{booking.reference}</TableCell>
                <TableCell className="whitespace-nowrap">{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</TableCell>
                <TableCell className="min-w-36">
                  {booking.contactName}
                  <span className="block text-xs text-slate-500">
                    {booking.requesterKind === 'customer'
                      ? booking.company
                      : booking.department && localizedName(booking.department, locale)}
                  </span>
                </TableCell>
                <TableCell className="whitespace-nowrap">{tChannel(booking.channel)}</TableCell>
                <TableCell>
                  <StatusBadge status={booking.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {booking.checkedInAt ? formatDateTime(booking.checkedInAt, locale, timeZone) : dash}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {booking.checkedOutAt ? formatDateTime(booking.checkedOutAt, locale, timeZone) : dash}
                </TableCell>
                <TableCell className="min-w-40">
                  {booking.inspectedAt ? (
                    <>
                      {booking.inspectionNote}
                      <span className="block text-xs text-slate-500">{formatDateTime(booking.inspectedAt, locale, timeZone)}</span>
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
    </section>
  );
}

function Incidents({ entry, locale, timeZone }: SectionProps) {
  const t = useTranslations('ledger');
  return (
    <section aria-labelledby="incidents" className="flex flex-col gap-3">
      <h2 id="incidents" className="text-lg font-semibold">
        {t('incidentsHeading')}
      </h2>
      {entry.incidents.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noIncidents')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {entry.incidents.map((incident) => (
            <li key={incident.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <div className="mb-1 flex flex-wrap items-center gap-2">
                <Badge variant={incident.severity === 'blocking' ? 'danger' : 'warning'}>{t(`severity.${incident.severity}`)}</Badge>
                <Badge variant={incident.status === 'open' ? 'outline' : 'success'}>{t(`incidentStatus.${incident.status}`)}</Badge>
                <span className="text-slate-500">
                  {t('reportedAt')} {formatDateTime(incident.createdAt, locale, timeZone)}
                </span>
              </div>
              <p className="whitespace-pre-line">{incident.description}</p>
              {incident.resolution && <p className="mt-1 whitespace-pre-line text-slate-600">{incident.resolution}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
