import { DownloadIcon, PrinterIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listResources } from '@/lib/booking/queries';
import { registerPage } from '@/lib/booking/register';
import {
  exportParams,
  parseRegisterSearch,
  REGISTER_PAGE_SIZE,
  registerAfterOf,
  registerCursor,
  registerFilterOf,
  registerSearchParams,
} from '@/lib/booking/register-search';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listDepartments, listResourceTypes } from '@/lib/resources/options';
import { RegisterFilters } from './register-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('register'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /admin/bookings — the register of all bookings (customer service: the customer bookings):
 * search, filters, order, keyset pages ("next" carries the last row's key), the export of the
 * current filter and, for admin, the printable day or week of a resource.
 */
export default async function RegisterPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin', 'customer_service');
  const search = parseRegisterSearch(await searchParams);
  const db = await getDb();
  const [timeZone, locale, t, resources, types, departments] = await Promise.all([
    getTimeZone(),
    currentLocale(),
    getTranslations('register'),
    listResources(db, { includeRetired: true }),
    listResourceTypes(db),
    listDepartments(db),
  ]);
  const filter = registerFilterOf(search, timeZone);
  const rows = await registerPage(db, actor, { filter, sort: search.sort, after: registerAfterOf(search), limit: REGISTER_PAGE_SIZE });
  const shown = rows.slice(0, REGISTER_PAGE_SIZE);
  const params = registerSearchParams(search);
  const exportQuery = exportParams(filter, search.sort);
  exportQuery.set('locale', locale);
  const nextHref =
    rows.length > REGISTER_PAGE_SIZE
      ? `/admin/bookings?${new URLSearchParams([...params, ['after', registerCursor(search.sort, shown[shown.length - 1])]])}`
      : null;
  const isAdmin = actor.role === 'admin';
  const printQuery = new URLSearchParams([
    ...(search.resource ? [['resource', search.resource]] : []),
    ...(search.from ? [['date', search.from]] : []),
  ]);
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const detailHref = (id: string) => (isAdmin ? `/admin/review/${id}` : `/desk/bookings/${id}`);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={isAdmin ? t('intro') : t('introService')}
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`/api/v1/bookings/export.xlsx?${exportQuery}`} download>
                <DownloadIcon className="size-4" aria-hidden />
                {t('export.xlsx')}
              </a>
            </Button>
            <Button asChild variant="outline">
              <a href={`/api/v1/bookings/export.csv?${exportQuery}`} download>
                <DownloadIcon className="size-4" aria-hidden />
                {t('export.csv')}
              </a>
            </Button>
            {isAdmin && (
              <Button asChild variant="outline">
                <Link href={`/admin/bookings/print?${printQuery}`}>
                  <PrinterIcon className="size-4" aria-hidden />
                  {t('print.link')}
                </Link>
              </Button>
            )}
          </>
        }
      />
      <RegisterFilters search={search} resources={resources} types={types} departments={departments} locale={locale} />
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <Table label={t('tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('columns.reference')}</TableHead>
              <TableHead>{t('columns.status')}</TableHead>
              <TableHead>{t('columns.resource')}</TableHead>
              <TableHead>{t('columns.time')}</TableHead>
              <TableHead>{t('columns.applicant')}</TableHead>
              <TableHead>{t('columns.phone')}</TableHead>
              <TableHead>{t('columns.purpose')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((b) => {
              const department = b.departmentId ? departmentById.get(b.departmentId) : undefined;
              const affiliation = b.requesterKind === 'customer' ? b.company : department && localizedName(department, locale);
              return (
                <TableRow key={b.id}>
                  <TableCell className="font-mono whitespace-nowrap">
                    <Link href={detailHref(b.id)} className="text-blue-800 underline-offset-4 hover:underline">
                      {b.reference}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={b.status} />
                  </TableCell>
                  <TableCell className="min-w-32">
                    <span className="font-mono">{b.resourceCode}</span>{' '}
                    {localizedName({ nameZh: b.resourceNameZh, nameEn: b.resourceNameEn }, locale)}
                  </TableCell>
                  <TableCell className="min-w-44">{formatRange(b.startAt, b.endAt, locale, timeZone)}</TableCell>
                  <TableCell className="min-w-32">
                    {b.contactName}
                    {affiliation && <span className="block text-xs text-slate-600">{affiliation}</span>}
                    <span className="block text-xs text-slate-600">{t(`kind.${b.requesterKind}`)}</span>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{b.contactPhone}</TableCell>
                  <TableCell className="max-w-64 min-w-40 break-words">{b.purpose}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {(search.after || nextHref) && (
        <nav aria-label={t('pages.label')} className="mt-4 flex flex-wrap gap-3">
          {search.after && (
            <Button asChild variant="outline">
              <Link href={`/admin/bookings?${params}`}>{t('pages.first')}</Link>
            </Button>
          )}
          {nextHref && (
            <Button asChild variant="outline">
              <Link href={nextHref} rel="next">
                {t('pages.next')}
              </Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}
