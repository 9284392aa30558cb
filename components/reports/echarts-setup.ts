/**
 * The part of ECharts the report charts use, registered once. Imported only through
 * report-chart.tsx's dynamic import, so it is a chunk of its own that only the reports page
 * loads.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export const { init } = echarts;
