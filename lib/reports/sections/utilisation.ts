/** Utilisation by resource, by week and by department: one section each, one statement each. */
import { categoryChart, percent } from '../chart';
import { defineSection, type ReportTable, type ReportView } from '../section';
import { utilisationLabel, utilisationRows, type UtilisationFigures, type UtilisationGroup } from '../utilisation';

function table(rows: UtilisationFigures[], { t, locale }: ReportView, groupBy: UtilisationGroup): ReportTable {
  return {
    columns: [
      { key: 'label', label: t(`column.${groupBy}`), kind: 'text' },
      { key: 'bookedHours', label: t('column.bookedHours'), kind: 'hours' },
      { key: 'usedHours', label: t('column.usedHours'), kind: 'hours' },
      { key: 'availableHours', label: t('column.availableHours'), kind: 'hours' },
      { key: 'utilisation', label: t('column.utilisation'), kind: 'ratio' },
    ],
    rows: rows.map((row) => ({
      label: utilisationLabel(row, locale, t),
      bookedHours: row.bookedHours,
      usedHours: row.usedHours,
      availableHours: row.availableHours,
      utilisation: row.utilisation,
    })),
  };
}

const utilisationSection = (id: string, groupBy: UtilisationGroup) =>
  defineSection<UtilisationFigures[]>({
    id,
    load: (db, scope) => utilisationRows(db, scope, groupBy),
    table: (rows, view) => table(rows, view, groupBy),
    chart: (rows, view) => {
      const { t } = view;
      // Resources by code and departments by name read best as horizontal bars; weeks as a timeline.
      const horizontal = groupBy !== 'week';
      const categories = rows.map((row) => (groupBy === 'resource' ? row.code ?? row.key : utilisationLabel(row, view.locale, t)));
      return categoryChart({
        categories,
        horizontal,
        valueAxis: t('axis.hours'),
        series: [
          { name: t('column.bookedHours'), data: rows.map((r) => r.bookedHours) },
          { name: t('column.usedHours'), data: rows.map((r) => r.usedHours) },
          ...(horizontal
            ? []
            : [
                { name: t('column.availableHours'), data: rows.map((r) => r.availableHours), type: 'line' as const },
                { name: t('column.utilisation'), data: rows.map((r) => percent(r.utilisation)), type: 'line' as const, yAxisIndex: 1 },
              ]),
        ],
        percentAxis: horizontal ? undefined : t('axis.percent'),
      });
    },
  });

export const byResource = utilisationSection('byResource', 'resource');
export const byWeek = utilisationSection('byWeek', 'week');
export const byDepartment = utilisationSection('byDepartment', 'department');
