'use client';

/** Adds a resource type, or renames `editing`. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ResourceType } from '@/db/schema';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { RESOURCE_BOUNDS } from '@/lib/resources/resource-schema';
import { saveResourceTypeAction } from '../actions';

export function TypeForm({ editing }: { editing?: ResourceType }) {
  const t = useTranslations('resourceAdmin.types');
  const [state, action] = useActionState(saveResourceTypeAction, null);
  const value = (name: 'code' | 'nameZh' | 'nameEn' | 'sortOrder') => typedValue(state, name) ?? String(editing?.[name] ?? '');
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {editing && <input type="hidden" name="id" value={editing.id} />}
      <ActionStatus result={state} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label={t('code')} required error={fieldError(state, 'code')}>
          <Input name="code" required maxLength={32} defaultValue={value('code')} />
        </FormField>
        <FormField label={t('nameZh')} required error={fieldError(state, 'nameZh')}>
          <Input name="nameZh" lang="zh-CN" required maxLength={100} defaultValue={value('nameZh')} />
        </FormField>
        <FormField label={t('nameEn')} required error={fieldError(state, 'nameEn')}>
          <Input name="nameEn" lang="en" required maxLength={100} defaultValue={value('nameEn')} />
        </FormField>
        <FormField label={t('sortOrder')} required error={fieldError(state, 'sortOrder')}>
          <Input
            name="sortOrder"
            type="number"
            inputMode="numeric"
            min={RESOURCE_BOUNDS.sortOrder.min}
            max={RESOURCE_BOUNDS.sortOrder.max}
            required
            defaultValue={value('sortOrder') || '10'}
          />
        </FormField>
      </div>
      <SubmitButton className="self-start">{editing ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}
