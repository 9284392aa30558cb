/**
 * The look every report chart shares, as plain ECharts option pieces (no functions: options are
 * built on the server and drawn in the browser). Colours pass WCAG contrast against white.
 */
import type { EChartsOption } from 'echarts';
import type { ReportChart } from './section';

export const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#475569'];

/** Room for axis labels on a phone as on a desktop. */
export const GRID = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

/** A bar or line chart over named categories, one series per measure. */
export function categoryChart(opts: {
  categories: string[];
  series: { name: string; data: number[]; type?: 'bar' | 'line'; stack?: string; yAxisIndex?: number }[];
  /** A second axis in percent (the series given `yAxisIndex: 1` are 0–100). */
  percentAxis?: string;
  valueAxis: string;
  horizontal?: boolean;
}): ReportChart {
  const category = { type: 'category' as const, data: opts.categories, axisLabel: { hideOverlap: true } };
  const values = [
    { type: 'value' as const, name: opts.valueAxis },
    ...(opts.percentAxis ? [{ type: 'value' as const, name: opts.percentAxis, max: 100, axisLabel: { formatter: '{value} %' } }] : []),
  ];
  const option = {
    color: PALETTE,
    grid: GRID,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: opts.horizontal ? values[0] : category,
    yAxis: opts.horizontal ? category : values,
    series: opts.series.map((s) => ({ type: s.type ?? 'bar', ...s })),
  } as EChartsOption;
  // Horizontal bars get a line each; a timeline keeps a fixed height.
  return { option, height: opts.horizontal ? Math.max(240, 80 + opts.categories.length * 28) : 320 };
}

/** 0.1534 → 15.3 (a ratio shown on a percent axis). */
export const percent = (ratio: number) => Math.round(ratio * 1000) / 10;
