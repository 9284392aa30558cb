/**
 * /admin/bookings/print?resource=&date=&range=day|week — the day's or week's bookings of a
 * resource (or of every resource, one per page) on A4 with the company's header, to pin on the
 * door or hand to reception. On paper only the sheet is printed.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/app/(portal)/admin/resources/[id]/door-sign/print-button';
import { Button } from '@/components/ui/button';
import { fieldClasses, Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listResources } from '@/lib/booking/queries';
import { loadPrintSheet, parsePrintSearch, PRINT_RANGES, type PrintedBooking } from '@/lib/booking/register-print';
import { zonedInstant } from '@/lib/calendar/working-days';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatTime } from '@/lib/i18n/format';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { cn } from '@/lib/utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('register'))('print.link') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPrintPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const search = parsePrintSearch(await searchParams);
  const db = await getDb();
  const now = new Date();
  const [sheet, resources, locale, t, tStatus] = await Promise.all([
    loadPrintSheet(db, actor, search, { now }),
    listResources(db),
    currentLocale(),
    getTranslations('register'),
    getTranslations('status'),
  ]);
  const { days, timeZone } = sheet;
  const week = search.range === 'week';
  const dayLabel = (day: string) => formatDate(zonedInstant(day, '12:00', timeZone), locale, timeZone);
  const period = week ? `${dayLabel(days[0])} – ${dayLabel(days[days.length - 1])}` : dayLabel(days[0]);
  const select = cn(fieldClasses, 'h-10 py-2');

  return (
    <>
      {/* A4 for the printer; the app's header and this page's controls stay off the paper. */}
      <style>{`
        @page { size: A4 portrait; margin: 12mm; }
        @media print {
          body > *:not(main) { display: none !important; }
          main { padding: 0 !important; max-width: none !important; }
          .print-section + .print-section { break-before: page; }
        }
      `}</style>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 print:hidden" aria-label={t('print.link')}>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="print-resource">{t('print.resource')}</Label>
          <select id="print-resource" name="resource" defaultValue={search.resource ?? ''} className={select}>
            <option value="">{t('print.allResources')}</option>
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.code} {localizedName(r, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="print-date">{t('print.date')}</Label>
          <Input id="print-date" name="date" type="date" defaultValue={search.date ?? days[0]} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="print-range">{t('print.range')}</Label>
          <select id="print-range" name="range" defaultValue={search.range} className={select}>
            {PRINT_RANGES.map((r) => (
              <option key={r} value={r}>
                {t(`print.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="outline">
          {t('print.show')}
        </Button>
        <PrintButton label={t('print.print')} />
        <Button asChild variant="ghost">
          <Link href="/admin/bookings">{t('print.back')}</Link>
        </Button>
      </form>
      <div id="print-sheet" className="mx-auto flex max-w-[210mm] flex-col gap-6 text-slate-900">
        {sheet.sections.length === 0 && <p className="text-slate-600">{t('print.none')}</p>}
        {sheet.sections.map(({ resource, bookings }) => (
          <section key={resource.id} className="print-section rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0">
            <header className="mb-4 flex items-start justify-between gap-4 border-b-2 border-slate-900 pb-3">
              <div>
                <p className="text-sm font-semibold tracking-wide">{t('print.company')}</p>
                <h1 className="mt-1 text-2xl font-bold">
                  {t('print.title', { resource: `${resource.code} ${localizedName(resource, locale)}` })}
                </h1>
                <p className="text-sm">{t('print.location', { location: localizedLocation(resource, locale) })}</p>
              </div>
              <div className="text-right text-sm">
                <p className="font-semibold">{period}</p>
                <p className="text-xs text-slate-600">{t('print.printed', { at: formatDateTime(now, locale, timeZone) })}</p>
              </div>
            </header>
            {bookings.length === 0 ? (
              <p>{t('print.none')}</p>
            ) : (
              <table className="w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b border-slate-400 text-left">
                    <th scope="col" className="py-1.5 pr-2">{t('columns.time')}</th>
                    <th scope="col" className="py-1.5 pr-2">{t('columns.reference')}</th>
                    <th scope="col" className="py-1.5 pr-2">{t('columns.applicant')}</th>
                    <th scope="col" className="py-1.5 pr-2">{t('columns.purpose')}</th>
                    <th scope="col" className="py-1.5 pr-2 text-right">{t('columns.attendees')}</th>
                    <th scope="col" className="py-1.5">{t('columns.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {bookings.map((b) => (
                    <tr key={b.id} className="border-b border-slate-200 align-top break-inside-avoid">
                      <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">
                        {week && <span className="block text-xs">{formatDate(b.startAt, locale, timeZone)}</span>}
                        {formatTime(b.startAt, locale, timeZone)}–{formatTime(b.endAt, locale, timeZone)}
                      </td>
                      <td className="py-1.5 pr-2 font-mono text-xs">{b.reference}</td>
                      <td className="py-1.5 pr-2">{applicant(b, locale)}</td>
                      {/* A customer's purpose stays off a sheet that may hang on a door. */}
                      <td className="py-1.5 pr-2">{b.requesterKind === 'customer' ? t('print.customerVisit') : b.purpose}</td>
                      <td className="py-1.5 pr-2 text-right tabular-nums">{b.attendees ?? ''}</td>
                      <td className="py-1.5 text-xs">{tStatus(b.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

/** Staff: name and department; a customer: the company (or the name when there is none). */
function applicant(b: PrintedBooking, locale: AppLocale): string {
  if (b.requesterKind === 'customer') return b.company || b.contactName;
  const department = b.departmentNameZh === null ? null : localizedName({ nameZh: b.departmentNameZh, nameEn: b.departmentNameEn ?? '' }, locale);
  return department ? `${b.contactName} · ${department}` : b.contactName;
}
