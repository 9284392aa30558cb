import { DownloadIcon } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { PeriodForm } from '@/components/reports/period-form';
import { ReportChart } from '@/components/reports/report-chart';
import { ReportTable } from '@/components/reports/report-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { currentLocale } from '@/lib/i18n/server';
import { askedPeriod, loadReportOrDefault, renderReport } from '@/lib/reports/report';
import { getSettings } from '@/lib/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Admin's reports over a period: each section a chart, the same figures as a table, and an
 * Excel download; sections come from lib/reports/sections (one statement each).
 */
export default async function ReportsPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [query, settings, locale, t, tChannel, tValidation] = await Promise.all([
    searchParams,
    getSettings(db),
    currentLocale(),
    getTranslations('reports'),
    getTranslations('channel'),
    getTranslations('validation'),
  ]);
  const { report, invalid } = await loadReportOrDefault(db, actor, askedPeriod(query, new Date(), settings.timeZone), settings.timeZone);
  const { fromDay: from, toDay: to } = report.scope;
  const sections = renderReport(report, { t, channelName: (c) => tChannel(c), locale });
  const exportHref = (section?: string) => `/api/v1/reports/export.xlsx?${new URLSearchParams({ from, to, ...(section ? { section } : {}) })}`;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Button asChild variant="outline">
            <a href={exportHref()} download>
              <DownloadIcon aria-hidden />
              {t('exportAll')}
            </a>
          </Button>
        }
      />
      <div className="mb-8 flex flex-col gap-3">
        {invalid && <Alert variant="error" title={tValidation('invalid_range')} />}
        <PeriodForm action="/admin/reports" from={from} to={to} />
        <p className="text-sm text-slate-600">{t('period.shown', { from, to, timeZone: settings.timeZone })}</p>
      </div>
      <div className="flex flex-col gap-12">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`report-${section.id}`} className="flex flex-col gap-3">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
              <div className="flex flex-col gap-1">
                <h2 id={`report-${section.id}`} className="text-lg font-semibold">
                  {section.title}
                </h2>
                <p className="text-sm text-slate-600">{section.intro}</p>
              </div>
              <Button asChild variant="outline" size="sm">
                <a href={exportHref(section.id)} download aria-label={`${t('exportSection')}: ${section.title}`}>
                  <DownloadIcon aria-hidden />
                  {t('exportSection')}
                </a>
              </Button>
            </div>
            <ReportChart
              option={section.chart.option}
              height={section.chart.height}
              label={t('chartLabel', { title: section.title })}
              loading={t('loadingChart')}
            />
            <ReportTable table={section.table} label={t('tableLabel', { title: section.title })} locale={locale} />
          </section>
        ))}
      </div>
    </>
  );
}
