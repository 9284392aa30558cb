/**
 * The report over a period: every section's figures (one statement each, run side by side),
 * then its table and chart in the reader's language. Admin only.
 */
import type { Db } from '@/db';
import { requireAdmin, type Actor } from '@/lib/authz';
import { addDays, dayInZone } from '@/lib/calendar/working-days';
import { DomainError, isDomainError } from '@/lib/errors';
import type { Translate } from '@/lib/forms/server-action';
import type { AppLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { getSettings } from '@/lib/settings';
import { parsePeriod } from './period';
import type { ReportChart, ReportScope, ReportSection, ReportTable, ReportView } from './section';
import { REPORT_SECTIONS } from './sections';

export interface LoadedReport {
  scope: ReportScope;
  figures: { section: ReportSection; data: unknown }[];
}

export interface RenderedSection {
  id: string;
  title: string;
  intro: string;
  table: ReportTable;
  chart: ReportChart;
}

/** `only`: one section's id (the export of one chart); unknown ids are not found. */
export async function loadReport(db: Db, actor: Actor, input: { from: unknown; to: unknown }, only?: string): Promise<LoadedReport> {
  requireAdmin(actor);
  const sections = only === undefined ? REPORT_SECTIONS : REPORT_SECTIONS.filter((s) => s.id === only);
  if (sections.length === 0) throw new DomainError('not_found');
  const settings = await getSettings(db);
  const scope: ReportScope = { ...parsePeriod(input, settings.timeZone), changeNoticeHours: settings.changeNoticeHours };
  const data = await Promise.all(sections.map((section) => section.load(db, scope)));
  return { scope, figures: sections.map((section, i) => ({ section, data: data[i] })) };
}

export function renderReport(report: LoadedReport, view: ReportView): RenderedSection[] {
  return report.figures.map(({ section, data }) => ({
    id: section.id,
    title: view.t(`${section.id}.title`),
    intro: view.t(`${section.id}.intro`),
    table: section.table(data, view),
    chart: section.chart(data, view),
  }));
}

/** The view outside a page (the export, the API): the same messages, read by locale. */
export function reportView(locale: AppLocale): ReportView {
  const channel = translator(locale, 'channel') as unknown as Translate;
  return { t: translator(locale, 'reports') as unknown as Translate, channelName: (c) => channel(c), locale };
}

/** The period shown when none is asked for: the current calendar month, in the organisation's zone. */
export function defaultPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const today = dayInZone(now, timeZone);
  const from = `${today.slice(0, 8)}01`;
  const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 10);
  return { from, to: addDays(nextMonth, -1) };
}

type Query = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => [value].flat()[0] || undefined;

/** The period a page's query asks for, the default filling what it leaves out. */
export function askedPeriod(query: Query, now: Date, timeZone: string): { from: string; to: string } {
  const fallback = defaultPeriod(now, timeZone);
  return { from: first(query.from) ?? fallback.from, to: first(query.to) ?? fallback.to };
}

/** A page's report: the period asked for, or the default one when that is not a valid period. */
export async function loadReportOrDefault(db: Db, actor: Actor, asked: { from: string; to: string }, timeZone: string) {
  try {
    return { report: await loadReport(db, actor, asked), invalid: false };
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
    return { report: await loadReport(db, actor, defaultPeriod(new Date(), timeZone)), invalid: true };
  }
}
