'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldError } from '@/lib/forms/action-result';
import { importHolidaysAction } from './actions';

/** Uploads a CSV (`date,kind,name`) or .ics file; a bad line is named and nothing is imported. */
export function ImportForm() {
  const t = useTranslations('holidays.import');
  const [state, action] = useActionState(importHolidaysAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <ActionStatus result={state} />
      <FormField label={t('file')} required description={t('fileHint')} error={fieldError(state, 'file')}>
        <Input name="file" type="file" required accept=".csv,.ics,text/csv,text/calendar" className="h-auto py-1.5" />
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="replace" className="mt-0.5 size-4 shrink-0 accent-blue-700" />
        <span>{t('replace')}</span>
      </label>
      <SubmitButton variant="secondary" pendingLabel={t('importing')} className="w-full sm:w-auto sm:self-start">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
