import { ChevronDownIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { fieldClasses } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import type { Holiday } from '@/db/schema';
import { listHolidays, listHolidayYears, MAX_YEAR, MIN_YEAR } from '@/lib/admin/holidays';
import { requirePageActor } from '@/lib/auth/session';
import { dayInZone } from '@/lib/calendar/working-days';
import { localeTags } from '@/lib/i18n/config';
import { currentLocale } from '@/lib/i18n/server';
import { cn } from '@/lib/utils';
import { HolidayForm } from './holiday-form';
import { ImportForm } from './import-form';
import { RemoveHoliday } from './remove-holiday';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('holidays'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = ['added', 'updated', 'removed'] as const;

export default async function HolidaysPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const query = await searchParams;
  const param = (name: string) => [query[name]].flat()[0];
  const db = await getDb();
  const [timeZone, locale, t] = await Promise.all([getTimeZone(), currentLocale(), getTranslations('holidays')]);
  const thisYear = Number(dayInZone(new Date(), timeZone).slice(0, 4));
  const asked = Number(param('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : thisYear;
  const [days, storedYears] = await Promise.all([listHolidays(db, actor, year), listHolidayYears(db, actor)]);
  const years = [...new Set([...storedYears, thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => b - a);
  const editing = days.find((d) => d.date === param('edit'));
  const notice = NOTICES.find((n) => n === param('notice'));
  const weekday = new Intl.DateTimeFormat(localeTags[locale], { weekday: 'short', timeZone: 'UTC' });
  const yearHref = (y: number) => `/admin/holidays?year=${y}`;
  const kindBadge = (kind: Holiday['kind']) => <Badge variant={kind === 'holiday' ? 'danger' : 'info'}>{t(`kind.${kind}`)}</Badge>;

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {notice && (
        <Alert variant="success" className="mb-4">
          {t(`notice.${notice}`)}
        </Alert>
      )}

      <div className="mb-4 flex flex-wrap items-end gap-3">
        <form method="get" action="/admin/holidays" className="flex items-end gap-2">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="holiday-year">{t('year')}</Label>
            <select id="holiday-year" name="year" defaultValue={year} className={cn(fieldClasses, 'h-10 w-32 py-2')}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="outline">
            {t('show')}
          </Button>
        </form>
        <nav aria-label={t('yearNav')} className="flex gap-2">
          {year > MIN_YEAR && (
            <Button asChild variant="ghost">
              <Link href={yearHref(year - 1)}>← {year - 1}</Link>
            </Button>
          )}
          {year < MAX_YEAR && (
            <Button asChild variant="ghost">
              <Link href={yearHref(year + 1)}>{year + 1} →</Link>
            </Button>
          )}
        </nav>
      </div>

      <div className="mb-6 grid gap-4 lg:grid-cols-2 lg:items-start">
        {/* Disclosures keep the year's days in view; editing a day opens its form. */}
        <details id="edit" open={Boolean(editing)} className="group rounded-lg border border-slate-200 bg-white shadow-sm">
          <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 sm:px-5 [&::-webkit-details-marker]:hidden">
            {editing ? t('editTitle', { date: editing.date }) : t('addTitle')}
            <ChevronDownIcon className="size-4 text-slate-500 transition-transform group-open:rotate-180" aria-hidden />
          </summary>
          <div className="flex flex-col gap-4 px-4 pb-4 sm:px-5 sm:pb-5">
            <p className="text-sm text-slate-600">{t('formIntro')}</p>
            {/* Re-mount when switching between adding and editing another day. */}
            <HolidayForm key={editing?.date ?? 'new'} editing={editing} cancelHref={yearHref(year)} />
          </div>
        </details>
        <details className="group rounded-lg border border-slate-200 bg-white shadow-sm">
          <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 sm:px-5 [&::-webkit-details-marker]:hidden">
            {t('import.title')}
            <ChevronDownIcon className="size-4 text-slate-500 transition-transform group-open:rotate-180" aria-hidden />
          </summary>
          <div className="flex flex-col gap-4 px-4 pb-4 sm:px-5 sm:pb-5">
            <p className="text-sm text-slate-600">{t('import.intro')}</p>
            <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs text-slate-800">{t('import.example')}</pre>
            <ImportForm />
          </div>
        </details>
      </div>

      <section className="flex flex-col gap-3">
        <h2 id="days" className="text-lg font-semibold">
          {t('daysHeading', { year, count: days.length })}
        </h2>
        {days.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t('empty', { year })}</p>
        ) : (
          <Table label={t('daysHeading', { year, count: days.length })}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('columns.date')}</TableHead>
                <TableHead className="hidden sm:table-cell">{t('columns.kind')}</TableHead>
                <TableHead>{t('columns.name')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('columns.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {days.map((day) => (
                <TableRow key={day.date} className={cn(day.date === editing?.date && 'bg-blue-50')}>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    <time dateTime={day.date}>{day.date}</time>{' '}
                    <span className="text-slate-500">{weekday.format(new Date(`${day.date}T00:00:00Z`))}</span>
                    {/* On a phone the kind sits under the date, so that the row fits without scrolling. */}
                    <div className="mt-1 sm:hidden">{kindBadge(day.kind)}</div>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">{kindBadge(day.kind)}</TableCell>
                  <TableCell className="break-words">{day.name}</TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-0.5 sm:gap-1">
                      <Button asChild variant="ghost" size="sm">
                        <Link href={`/admin/holidays?year=${year}&edit=${day.date}#edit`} aria-label={t('editLabel', { date: day.date, name: day.name })}>
                          {t('edit')}
                        </Link>
                      </Button>
                      <RemoveHoliday date={day.date} name={day.name} />
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
