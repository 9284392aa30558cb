'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFieldMessage } from '@/components/customer/use-field-message';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { recordContactAction, type DeskFormState } from './actions';

/**
 * "We told the customer": how (phone / e-mail), when (the organisation's wall clock, now by
 * default) and a note. A plain form posting to the server action.
 */
export function RecordContactForm({
  bookingId,
  reference,
  now,
  returnTo,
}: {
  bookingId: string;
  reference: string;
  /** 'YYYY-MM-DDTHH:mm' in the organisation's zone. */
  now: string;
  returnTo: string;
}) {
  const t = useTranslations('desk.contact');
  const message = useFieldMessage();
  const [state, action, pending] = useActionState<DeskFormState, FormData>(recordContactAction, null);
  const values = state?.values;
  const fieldError = (name: string) => message(state?.fields?.[name]?.[0]);
  const method = values?.method ?? 'phone';
  const shownError = state && !Object.keys(state.fields ?? {}).some((k) => ['method', 'contactedAt', 'note'].includes(k));

  return (
    <form action={action} className="flex flex-col gap-3" aria-label={t('formLabel', { reference })} noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {shownError && <Alert variant="error">{state.error}</Alert>}
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
        {fieldError('method') && <p className="text-sm font-medium text-red-700">{fieldError('method')}</p>}
      </fieldset>
      <div className="flex flex-col gap-3">
        <FormField label={t('contactedAt')} required error={fieldError('contactedAt')}>
          <Input type="datetime-local" name="contactedAt" defaultValue={values?.contactedAt ?? now} className="sm:max-w-60" />
        </FormField>
        <FormField label={t('note')} error={fieldError('note')}>
          <Textarea name="note" rows={2} maxLength={1000} defaultValue={values?.note} />
        </FormField>
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t('saving') : t('record')}
      </Button>
    </form>
  );
}
