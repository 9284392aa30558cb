'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';

/** Kind, the resource it is about (or the booking process), and the message. A plain form: works before JavaScript loads. */
export function FeedbackForm({ action: serverAction, resources }: { action: FormAction; resources: { id: string; label: string }[] }) {
  const t = useTranslations('feedback');
  const [state, action] = useActionState(serverAction, null);
  const kind = typedValue(state, 'kind') ?? 'suggestion';
  // React resets the form after its action; a refusal brings the typed values back.
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">{t('form.kind')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['suggestion', 'complaint'] as const).map((value) => (
            <label key={value} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="kind" value={value} defaultChecked={kind === value} className="size-4 accent-blue-700" />
              {t(`kind.${value}`)}
            </label>
          ))}
        </div>
        {fieldError(state, 'kind') && <p className="text-sm text-red-700">{fieldError(state, 'kind')}</p>}
      </fieldset>
      <FormField label={t('form.resource')} error={fieldError(state, 'resourceId')}>
        <select name="resourceId" defaultValue={typedValue(state, 'resourceId') ?? ''} className={cn(fieldClasses, 'h-10 py-2')}>
          <option value="">{t('form.resourceNone')}</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('form.message')} required error={fieldError(state, 'message')}>
        <Textarea name="message" rows={4} maxLength={2000} required defaultValue={typedValue(state, 'message')} />
      </FormField>
      <div>
        <SubmitButton pendingLabel={t('form.sending')}>{t('form.send')}</SubmitButton>
      </div>
    </form>
  );
}
