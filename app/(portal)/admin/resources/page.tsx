import type { Metadata } from 'next';
import { PlusIcon } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { clockTime } from '@/lib/resources/format';
import { listLedger } from '@/lib/resources/ledger';
import { openIncidentCounts } from '@/lib/incidents/queries';
import { ResourceStateBadge } from '@/components/ui/resource-state-badge';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ledger'))('title') };
}

export default async function LedgerPage() {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [rows, openReports, t, tCommon, tVisit, tIncidents, locale, tAdmin] = await Promise.all([
    listLedger(db, actor),
    openIncidentCounts(db, actor),
    getTranslations('ledger'),
    getTranslations('common'),
    getTranslations('visit.sign'),
    getTranslations('incidents'),
    currentLocale(),
    getTranslations('resourceAdmin'),
  ]);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={`${t('intro')} ${t('count', { count: rows.length })}`}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/admin/resources/types">{tAdmin('types.title')}</Link>
            </Button>
            <Button asChild>
              <Link href="/admin/resources/new">
                <PlusIcon aria-hidden />
                {tAdmin('add')}
              </Link>
            </Button>
          </>
        }
      />
      <Table label={t('title')}>
        <TableHeader>
          <TableRow>
            <TableHead>{t('code')}</TableHead>
            <TableHead>{t('name')}</TableHead>
            <TableHead>{t('type')}</TableHead>
            <TableHead>{t('location')}</TableHead>
            <TableHead className="text-right">{t('capacity')}</TableHead>
            <TableHead>{t('state')}</TableHead>
            <TableHead>{t('customerBookable')}</TableHead>
            <TableHead>{t('buffers')}</TableHead>
            <TableHead>{t('hours')}</TableHead>
            <TableHead>{t('maxDuration')}</TableHead>
            <TableHead>{tVisit('link')}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ resource, type }) => (
            <TableRow key={resource.id}>
              <TableCell className="font-mono whitespace-nowrap">
                <Link href={`/admin/resources/${resource.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                  {resource.code}
                </Link>
              </TableCell>
              <TableCell className="min-w-40">{localizedName(resource, locale)}</TableCell>
              <TableCell className="whitespace-nowrap">{localizedName(type, locale)}</TableCell>
              <TableCell className="min-w-32">{localizedLocation(resource, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{resource.capacity}</TableCell>
              <TableCell>
                <ResourceStateBadge state={resource.state} />
                {openReports.has(resource.id) && (
                  <Link href="/admin/incidents" className="mt-1 block whitespace-nowrap text-xs font-medium text-orange-800 underline-offset-4 hover:underline">
                    {tIncidents('ledger.open', openReports.get(resource.id)!)}
                  </Link>
                )}
              </TableCell>
              <TableCell>
                {resource.customerBookable ? <Badge variant="info">{tCommon('yes')}</Badge> : <span className="text-slate-600">{tCommon('no')}</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {t('buffersValue', { setup: resource.setupBufferMinutes, cleanup: resource.cleanupBufferMinutes })}
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {t('hoursValue', { opens: clockTime(resource.opensAt), closes: clockTime(resource.closesAt) })}
                <span className="block text-xs text-slate-500">{resource.workingDaysOnly ? t('workingDaysOnly') : t('everyDay')}</span>
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">{tCommon('minutes', { count: resource.maxDurationMinutes })}</TableCell>
              <TableCell className="whitespace-nowrap">
                <Link
                  href={`/admin/resources/${resource.id}/door-sign`}
                  className="font-medium text-blue-700 underline-offset-4 hover:underline"
                  aria-label={`${tVisit('link')} ${resource.code}`}
                >
                  {tVisit('link')}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
