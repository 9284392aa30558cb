'use client';

/**
 * "Report a problem": damage or an abnormality found on the booked resource, minor or blocking
 * (blocking puts the resource under maintenance until Administration resolves it). The domain
 * function decides who may report when; the page shows the form only where it would accept it.
 */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { INCIDENT_SEVERITIES } from '@/lib/incidents/schemas';
import { reportProblemAction } from './incident-actions';

export function ReportProblemForm({ bookingId, resourceId }: { bookingId: string; resourceId: string }) {
  const t = useTranslations('incidents.report');
  const [state, action] = useActionState(reportProblemAction, null);
  const severity = typedValue(state, 'severity') || 'minor';
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby="report-problem">
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="resourceId" value={resourceId} />
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('severity')}</legend>
        {INCIDENT_SEVERITIES.map((value) => (
          <label key={value} className="flex min-h-11 items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
            <input type="radio" name="severity" value={value} defaultChecked={severity === value} className="mt-1 size-4" />
            <span>
              <span className="font-medium text-slate-900">{t(`severities.${value}.label`)}</span>
              <span className="block text-slate-600">{t(`severities.${value}.hint`)}</span>
            </span>
          </label>
        ))}
        {fieldError(state, 'severity') && <p className="text-sm text-red-700">{fieldError(state, 'severity')}</p>}
      </fieldset>
      <FormField label={t('description')} required error={fieldError(state, 'description')}>
        <Textarea name="description" rows={3} maxLength={2000} required defaultValue={typedValue(state, 'description')} />
      </FormField>
      <div>
        <SubmitButton pendingLabel={t('sending')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
