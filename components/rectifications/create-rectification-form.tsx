'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type ActionResult } from '@/lib/forms/action-result';
import type { RectificationSource } from '@/lib/rectifications/schemas';
import { cn } from '@/lib/utils';

export interface Choice {
  id: string;
  label: string;
}

export interface RectificationDefaults {
  title?: string;
  description?: string;
  resourceId?: string;
  ownerDepartmentId?: string;
  dueDate?: string;
}

type CreateAction = (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;

/**
 * A new rectification item (整改): what, details, resource, owner department, due date, with an
 * optional source (a damage report, a suggestion, a survey answer, a booking) carried in hidden
 * fields and values to start from. A plain form: it works before JavaScript loads.
 */
export function CreateRectificationForm({
  action: serverAction,
  departments,
  resources,
  source,
  defaults = {},
}: {
  action: CreateAction;
  departments: Choice[];
  resources: Choice[];
  source?: RectificationSource;
  defaults?: RectificationDefaults;
}) {
  const t = useTranslations('rectifications.form');
  const [state, action] = useActionState(serverAction, null);
  const value = (name: keyof RectificationDefaults) => typedValue(state, name) ?? defaults[name] ?? '';
  const select = cn(fieldClasses, 'h-10 py-2');
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {source && (
        <>
          <input type="hidden" name="sourceKind" value={source.kind} />
          <input type="hidden" name="sourceId" value={source.id} />
        </>
      )}
      <ActionStatus result={state} />
      <FormField label={t('title')} required error={fieldError(state, 'title')}>
        <Input name="title" maxLength={200} required defaultValue={value('title')} />
      </FormField>
      <FormField label={t('description')} error={fieldError(state, 'description')}>
        <Textarea name="description" rows={4} maxLength={4000} defaultValue={value('description')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('department')} required error={fieldError(state, 'ownerDepartmentId')}>
          <select name="ownerDepartmentId" required defaultValue={value('ownerDepartmentId')} className={select}>
            <option value="">{t('departmentChoose')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('dueDate')} required error={fieldError(state, 'dueDate')}>
          <Input type="date" name="dueDate" required defaultValue={value('dueDate')} />
        </FormField>
      </div>
      <FormField label={t('resource')} error={fieldError(state, 'resourceId', 'source.id')}>
        <select name="resourceId" defaultValue={value('resourceId')} className={select}>
          <option value="">{t('resourceNone')}</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </FormField>
      <div>
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </div>
    </form>
  );
}
