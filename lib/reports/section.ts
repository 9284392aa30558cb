/**
 * A report section is one module: its statement (one per chart, whatever the number of
 * resources), the table that shows its figures to everyone (and goes into the XLSX export), and
 * the chart option drawn from the same figures. The page and the export walk REPORT_SECTIONS
 * (lib/reports/sections/index.ts); a new section is a new module added to that list.
 */
import type { EChartsOption } from 'echarts';
import type { Db } from '@/db';
import type { Translate } from '@/lib/forms/server-action';
import type { AppLocale } from '@/lib/i18n/config';
import type { Period } from './period';

/** How a column's numbers are shown (and formatted in the spreadsheet). */
/** `score`: an average of 1–5 answers. */
export type ColumnKind = 'text' | 'count' | 'hours' | 'ratio' | 'score';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

export interface ReportView {
  /** The `reports` namespace. */
  t: Translate;
  /** A booking channel's name (the `channel` namespace every page uses). */
  channelName: (channel: string) => string;
  locale: AppLocale;
}

/** What every section's statement may use beside the period: settings read once per report. */
export interface ReportScope extends Period {
  changeNoticeHours: number;
}

/** Plain JSON (no functions): it travels from the server to the chart component. */
export interface ReportChart {
  option: EChartsOption;
  /** Pixels; more for a long list of bars. */
  height: number;
}

export interface ReportSection<D = unknown> {
  /** Anchor, export parameter and message key (`reports.<id>.title`, `.intro`). */
  id: string;
  /** Exactly one SQL statement. */
  load(db: Db, scope: ReportScope): Promise<D>;
  table(data: D, view: ReportView): ReportTable;
  chart(data: D, view: ReportView): ReportChart;
}

/** Keeps each section's data type checked inside its module while the list holds them all. */
export const defineSection = <D>(section: ReportSection<D>): ReportSection => section as ReportSection;
