'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';

/**
 * "We told the customer": how (phone / e-mail), when (the organisation's wall clock, now by
 * default) and a note. A plain form posting to the page's action.
 */
export function RecordContactForm({
  action: recordContact,
  bookingId,
  reference,
  now,
  returnTo,
}: {
  action: FormAction;
  bookingId: string;
  reference: string;
  /** 'YYYY-MM-DDTHH:mm' in the organisation's zone. */
  now: string;
  returnTo: string;
}) {
  const t = useTranslations('desk.contact');
  const [state, action] = useActionState(recordContact, null);
  const method = typedValue(state, 'method') ?? 'phone';
  const methodError = fieldError(state, 'method');

  return (
    <form action={action} className="flex flex-col gap-3" aria-label={t('formLabel', { reference })} noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t('method')}</legend>
        <div className="flex flex-wrap gap-x-5">
          {(['phone', 'email'] as const).map((value) => (
            <label key={value} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="method" value={value} defaultChecked={method === value} className="size-4 accent-blue-700" />
              {t(`methods.${value}`)}
            </label>
          ))}
        </div>
        {methodError && <p className="text-sm font-medium text-red-700">{methodError}</p>}
      </fieldset>
      <div className="flex flex-col gap-3">
        <FormField label={t('contactedAt')} required error={fieldError(state, 'contactedAt')}>
          <Input type="datetime-local" name="contactedAt" defaultValue={typedValue(state, 'contactedAt') ?? now} className="sm:max-w-60" />
        </FormField>
        <FormField label={t('note')} error={fieldError(state, 'note')}>
          <Textarea name="note" rows={2} maxLength={1000} defaultValue={typedValue(state, 'note')} />
        </FormField>
      </div>
      <SubmitButton pendingLabel={t('saving')} className="self-start">
        {t('record')}
      </SubmitButton>
    </form>
  );
}
