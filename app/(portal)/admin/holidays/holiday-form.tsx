'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import type { Holiday } from '@/db/schema';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { saveHolidayAction } from './actions';

/** Adds a day, or edits the kind and name of `editing` (its date stays: the date is the key). */
export function HolidayForm({ editing, cancelHref }: { editing?: Holiday; cancelHref: string }) {
  const t = useTranslations('holidays.form');
  const tKind = useTranslations('holidays.kind');
  const [state, action] = useActionState(saveHolidayAction, null);
  const value = (name: 'date' | 'kind' | 'name') => typedValue(state, name) ?? editing?.[name];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {editing && <input type="hidden" name="mode" value="edit" />}
      <ActionStatus result={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('date')} required error={fieldError(state, 'date')}>
          {editing ? (
            <Input name="date" type="date" value={editing.date} readOnly aria-readonly />
          ) : (
            <Input name="date" type="date" required defaultValue={value('date')} />
          )}
        </FormField>
        <FormField label={t('kind')} required error={fieldError(state, 'kind')}>
          <select name="kind" required defaultValue={value('kind') ?? 'holiday'} className={cn(fieldClasses, 'h-10 py-2')}>
            <option value="holiday">{tKind('holiday')}</option>
            <option value="makeup_workday">{tKind('makeup_workday')}</option>
          </select>
        </FormField>
        <FormField label={t('name')} required error={fieldError(state, 'name')} description={t('nameHint')} className="sm:col-span-2">
          <Input name="name" required maxLength={100} defaultValue={value('name')} />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton>{editing ? t('save') : t('add')}</SubmitButton>
        {editing && (
          <Button asChild variant="outline">
            <Link href={cancelHref}>{t('cancel')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
