/**
 * Customer satisfaction per resource: follow-up surveys sent for visits in the period, answers,
 * and the average scores (1–5). The statement is the surveys' own (lib/surveys/satisfaction.ts),
 * shared with the ledger, so the report and the ledger cannot disagree.
 */
import { categoryChart } from '../chart';
import { defineSection } from '../section';
import { selectRows } from '../sql-rows';
import { satisfactionFrom, satisfactionStatement, type Satisfaction, type SatisfactionStatementRow } from '@/lib/surveys/satisfaction';

const SCORES = ['overall', 'condition', 'service'] as const;

export const satisfaction = defineSection<Satisfaction>({
  id: 'satisfaction',
  load: async (db, { start, end }) => satisfactionFrom(await selectRows<SatisfactionStatementRow>(db, satisfactionStatement({ from: start, to: end }))),
  table: ({ rows, total }, { t, locale }) => ({
    columns: [
      { key: 'resource', label: t('column.resource'), kind: 'text' },
      { key: 'sent', label: t('column.surveysSent'), kind: 'count' },
      { key: 'responses', label: t('column.responses'), kind: 'count' },
      ...SCORES.map((score) => ({ key: score, label: t(`column.${score}Score`), kind: 'score' as const })),
    ],
    rows: [
      ...rows.map((row) => ({ resource: `${row.code} ${row.name[locale] || row.name.zh}`, sent: row.sent, responses: row.responses, overall: row.overall, condition: row.condition, service: row.service })),
      ...(rows.length > 0 ? [{ resource: t('row.total'), sent: total.sent, responses: total.responses, overall: total.overall, condition: total.condition, service: total.service }] : []),
    ],
  }),
  chart: ({ rows }, { t }) =>
    categoryChart({
      categories: rows.map((row) => row.code),
      valueAxis: t('axis.score'),
      series: SCORES.map((score) => ({ name: t(`column.${score}Score`), data: rows.map((row) => row[score] ?? 0) })),
    }),
});
