/**
 * /admin/inspections — completed bookings not yet inspected, those with a reported issue or
 * without a check-out first. Inspecting happens on the booking's page.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { inspectionQueue } from '@/lib/booking/inspection-queue';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('visit.inspections'))('title') };
}

export default async function InspectionsPage() {
  const actor = await requirePageActor('admin');
  const [rows, t, tVisit, locale, timeZone] = await Promise.all([
    inspectionQueue(await getDb(), actor),
    getTranslations('visit.inspections'),
    getTranslations('visit'),
    currentLocale(),
    getTimeZone(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('reference')}</TableHead>
              <TableHead>{t('resource')}</TableHead>
              <TableHead>{t('time')}</TableHead>
              <TableHead>{t('applicant')}</TableHead>
              <TableHead>{t('checkOut')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="font-mono whitespace-nowrap">
                  <Link href={`/bookings/${row.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {row.reference}
                  </Link>
                </TableCell>
                <TableCell className="min-w-32">
                  {localizedName({ nameZh: row.resourceNameZh, nameEn: row.resourceNameEn }, locale)}{' '}
                  <span className="font-mono text-xs text-slate-500">{row.resourceCode}</span>
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatRange(row.startAt, row.endAt, locale, timeZone)}</TableCell>
                <TableCell>{row.contactName}</TableCell>
                <TableCell>
                  {row.notCheckedOut ? (
                    <Badge variant="warning">{t('notCheckedOut')}</Badge>
                  ) : row.checkoutCondition === 'issue' ? (
                    <Badge variant="warning">{tVisit('condition.issue')}</Badge>
                  ) : (
                    <span className="text-slate-600">{row.checkoutCondition ? tVisit('condition.ok') : '—'}</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
