'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import type { Holiday } from '@/db/schema';
import { cn } from '@/lib/utils';
import { saveHolidayAction } from './actions';

/** Adds a day, or edits the kind and name of `editing` (its date stays: the date is the key). */
export function HolidayForm({ editing, cancelHref }: { editing?: Holiday; cancelHref: string }) {
  const t = useTranslations('holidays.form');
  const tKind = useTranslations('holidays.kind');
  const [state, action, pending] = useActionState(saveHolidayAction, null);
  const values = state?.values ?? editing;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {editing && <input type="hidden" name="mode" value="edit" />}
      {state && !state.fields?.date && !state.fields?.kind && !state.fields?.name && <Alert variant="error">{state.error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('date')} required error={state?.fields?.date}>
          {editing ? (
            <Input name="date" type="date" value={editing.date} readOnly aria-readonly />
          ) : (
            <Input name="date" type="date" required defaultValue={values?.date} />
          )}
        </FormField>
        <FormField label={t('kind')} required error={state?.fields?.kind}>
          <select name="kind" required defaultValue={values?.kind ?? 'holiday'} className={cn(fieldClasses, 'h-10 py-2')}>
            <option value="holiday">{tKind('holiday')}</option>
            <option value="makeup_workday">{tKind('makeup_workday')}</option>
          </select>
        </FormField>
        <FormField label={t('name')} required error={state?.fields?.name} description={t('nameHint')} className="sm:col-span-2">
          <Input name="name" required maxLength={100} defaultValue={values?.name} />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {editing ? t('save') : t('add')}
        </Button>
        {editing && (
          <Button asChild variant="outline">
            <Link href={cancelHref}>{t('cancel')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
