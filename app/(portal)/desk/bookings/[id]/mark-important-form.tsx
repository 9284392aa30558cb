'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFieldMessage } from '@/components/customer/use-field-message';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { markImportantAction, type DeskFormState } from '../../actions';

/** Important customer and special needs: the review dashboard shows both and may ask departments. */
export function MarkImportantForm({
  bookingId,
  importantCustomer,
  specialNeeds,
}: {
  bookingId: string;
  importantCustomer: boolean;
  specialNeeds: string;
}) {
  const t = useTranslations('desk.mark');
  const message = useFieldMessage();
  const [state, action, pending] = useActionState<DeskFormState, FormData>(markImportantAction, null);
  const values = state?.values;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="bookingId" value={bookingId} />
      {state && <Alert variant="error">{state.error}</Alert>}
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="importantCustomer"
          defaultChecked={values ? values.importantCustomer === 'on' : importantCustomer}
          className="mt-0.5 size-4 accent-blue-700"
        />
        <span className="flex flex-col gap-0.5">
          <span className="font-medium text-slate-900">{t('important')}</span>
          <span className="text-slate-600">{t('importantHint')}</span>
        </span>
      </label>
      <FormField label={t('specialNeeds')} error={message(state?.fields?.specialNeeds?.[0])} description={t('specialNeedsHint')}>
        <Textarea name="specialNeeds" rows={3} maxLength={1000} defaultValue={values?.specialNeeds ?? specialNeeds} />
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="self-start">
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
