'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { importHolidaysAction } from './actions';

/** Uploads a CSV (`date,kind,name`) or .ics file; a bad line is named and nothing is imported. */
export function ImportForm() {
  const t = useTranslations('holidays.import');
  const [state, action, pending] = useActionState(importHolidaysAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state?.ok === false && <Alert variant="error">{state.error}</Alert>}
      {state?.ok && (
        <Alert variant="success" title={t('done', { years: state.result.years.join(', ') })}>
          {t('counts', {
            inserted: state.result.inserted,
            updated: state.result.updated,
            unchanged: state.result.unchanged,
            removed: state.result.removed,
          })}
        </Alert>
      )}
      <FormField label={t('file')} required description={t('fileHint')}>
        <Input name="file" type="file" required accept=".csv,.ics,text/csv,text/calendar" className="h-auto py-1.5" />
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="replace" className="mt-0.5 size-4 shrink-0 accent-blue-700" />
        <span>{t('replace')}</span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? t('importing') : t('submit')}
      </Button>
    </form>
  );
}
