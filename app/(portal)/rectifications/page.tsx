/**
 * /rectifications — rectification items (整改) for admin and customer service (all of them) and
 * department contacts (their department's): unfinished ones by default, soonest due first,
 * filtered by status or overdue and by owner department, a page at a time.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { RectificationStatusBadge } from '@/components/rectifications/status-badge';
import { Button, buttonVariants } from '@/components/ui/button';
import { fieldClasses } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Pagination } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { isDesk } from '@/lib/rectifications/access';
import { listRectifications, RECTIFICATION_VIEWS, type RectificationView } from '@/lib/rectifications/queries';
import { listDepartments } from '@/lib/resources/options';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rectifications'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RectificationsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const desk = isDesk(actor);
  if (!desk && !actor.isDepartmentContact) notFound();
  const query = await searchParams;
  const first = (key: string) => [query[key]].flat()[0];
  const view: RectificationView = (RECTIFICATION_VIEWS as readonly string[]).includes(first('view') ?? '') ? (first('view') as RectificationView) : 'unfinished';
  const departmentId = desk ? first('department') || undefined : undefined;
  const db = await getDb();
  const [list, departments, t, locale] = await Promise.all([
    listRectifications(db, actor, { view, departmentId, page: Number(first('page') ?? 1) }),
    listDepartments(db),
    getTranslations('rectifications'),
    currentLocale(),
  ]);
  const href = (page: number) =>
    `/rectifications?${new URLSearchParams({ view, ...(departmentId && { department: departmentId }), page: String(page) })}`;
  const select = cn(fieldClasses, 'h-10 py-2');

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          desk && (
            <Link href="/rectifications/new" className={buttonVariants()}>
              {t('new')}
            </Link>
          )
        }
      />
      <form method="get" action="/rectifications" role="search" aria-label={t('filters.label')} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div className="flex min-w-40 flex-col gap-1.5">
          <Label htmlFor="filter-view">{t('filters.view')}</Label>
          <select id="filter-view" name="view" defaultValue={view} className={select}>
            {RECTIFICATION_VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`view.${v}`)}
              </option>
            ))}
          </select>
        </div>
        {desk && (
          <div className="flex min-w-40 flex-col gap-1.5">
            <Label htmlFor="filter-department">{t('filters.department')}</Label>
            <select id="filter-department" name="department" defaultValue={departmentId ?? ''} className={select}>
              <option value="">{t('filters.all')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {localizedName(d, locale)}
                </option>
              ))}
            </select>
          </div>
        )}
        <Button type="submit" variant="outline">
          {t('filters.apply')}
        </Button>
      </form>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t('count', { count: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('column.title')}</TableHead>
              <TableHead>{t('column.department')}</TableHead>
              <TableHead>{t('column.resource')}</TableHead>
              <TableHead>{t('column.due')}</TableHead>
              <TableHead>{t('column.status')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map(({ item, department, resource, overdue }) => (
              <TableRow key={item.id} data-testid="rectification">
                <TableCell className="min-w-48">
                  <Link href={`/rectifications/${item.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {item.title}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">{localizedName(department, locale)}</TableCell>
                <TableCell className="whitespace-nowrap">{resource ? `${resource.code} ${localizedName(resource, locale)}` : '—'}</TableCell>
                <TableCell className={cn('whitespace-nowrap tabular-nums', overdue && 'font-medium text-red-800')}>{item.dueDate}</TableCell>
                <TableCell>
                  <RectificationStatusBadge status={item.status} overdue={overdue} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label={t('pages')} className="mt-4" />
    </>
  );
}
