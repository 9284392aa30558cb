'use client';

/**
 * "Report a problem": damage or an abnormality found on the booked resource, minor or blocking
 * (blocking puts the resource under maintenance until Administration resolves it). The domain
 * function decides who may report when; the pages show the form only where it would accept it.
 * Used on the staff booking page and on the customer's manage link, which posts its token in
 * `hidden` and gives texts in the link page's language.
 */
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type ActionResult } from '@/lib/forms/action-result';
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '@/lib/incidents/schemas';

export interface ReportProblemText {
  severity: string;
  severities: Record<IncidentSeverity, { label: string; hint: string }>;
  description: string;
  submit: string;
  sending: string;
}

export function ReportProblemForm<T>({
  action: report,
  hidden,
  text,
  labelledBy,
}: {
  /** A plain form's server action; what it answers is shown, whatever its data. */
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  text: ReportProblemText;
  /** The id of the heading that names the form. */
  labelledBy: string;
}) {
  const [state, action] = useActionState(report, null);
  const severity = typedValue(state, 'severity') || 'minor';
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby={labelledBy}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{text.severity}</legend>
        {INCIDENT_SEVERITIES.map((value) => (
          <label key={value} className="flex min-h-11 items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
            <input type="radio" name="severity" value={value} defaultChecked={severity === value} className="mt-1 size-4" />
            <span>
              <span className="font-medium text-slate-900">{text.severities[value].label}</span>
              <span className="block text-slate-600">{text.severities[value].hint}</span>
            </span>
          </label>
        ))}
        {fieldError(state, 'severity') && <p className="text-sm text-red-700">{fieldError(state, 'severity')}</p>}
      </fieldset>
      <FormField label={text.description} required error={fieldError(state, 'description')}>
        <Textarea name="description" rows={3} maxLength={2000} required defaultValue={typedValue(state, 'description')} />
      </FormField>
      <div>
        <SubmitButton pendingLabel={text.sending}>{text.submit}</SubmitButton>
      </div>
    </form>
  );
}
