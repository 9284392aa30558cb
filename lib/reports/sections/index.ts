/**
 * The report page's sections, in page order; the XLSX export has one sheet per section. To add
 * one, write a module like ./channels.ts (one statement, a table, a chart) and list it here,
 * with its `reports.<id>` title and intro in messages/{zh,en}/reports.json.
 */
import type { ReportSection } from '../section';
import { channels } from './channels';
import { heatmap } from './heatmap';
import { outcomes } from './outcomes';
import { reviewTime } from './review-time';
import { satisfaction } from './satisfaction';
import { byDepartment, byResource, byWeek } from './utilisation';

export const REPORT_SECTIONS: ReportSection[] = [byResource, byWeek, heatmap, byDepartment, outcomes, reviewTime, channels, satisfaction];
