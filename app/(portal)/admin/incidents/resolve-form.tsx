'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { resolveIncidentAction } from './actions';

/** Notes on what was done; resolving ends a blocking report's maintenance now. */
export function ResolveIncidentForm({ incidentId, blocking }: { incidentId: string; blocking: boolean }) {
  const t = useTranslations('incidents.admin');
  const [state, action] = useActionState(resolveIncidentAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <ActionStatus result={state} />
      <FormField label={t('notes')} required error={fieldError(state, 'notes')} description={blocking ? t('endsMaintenance') : undefined}>
        <Textarea name="notes" rows={2} maxLength={2000} required defaultValue={typedValue(state, 'notes')} />
      </FormField>
      <div>
        <SubmitButton size="sm" pendingLabel={t('resolving')}>
          {t('resolve')}
        </SubmitButton>
      </div>
    </form>
  );
}
