/** The report form's texts from the `incidents.report` messages, in whichever language the page is shown. */
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '@/lib/incidents/schemas';
import type { ReportProblemText } from './report-problem-form';

type ReportKey = 'severity' | 'description' | 'submit' | 'sending' | `severities.${IncidentSeverity}.${'label' | 'hint'}`;

export function reportProblemText(t: (key: ReportKey) => string): ReportProblemText {
  return {
    severity: t('severity'),
    severities: Object.fromEntries(
      INCIDENT_SEVERITIES.map((s) => [s, { label: t(`severities.${s}.label`), hint: t(`severities.${s}.hint`) }]),
    ) as ReportProblemText['severities'],
    description: t('description'),
    submit: t('submit'),
    sending: t('sending'),
  };
}
