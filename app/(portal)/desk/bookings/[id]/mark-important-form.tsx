'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { markImportantAction } from './actions';

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
  const [state, action] = useActionState(markImportantAction, null);
  const refused = state && !state.ok;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="importantCustomer"
          defaultChecked={refused ? typedValue(state, 'importantCustomer') === 'on' : importantCustomer}
          className="mt-0.5 size-4 accent-blue-700"
        />
        <span className="flex flex-col gap-0.5">
          <span className="font-medium text-slate-900">{t('important')}</span>
          <span className="text-slate-600">{t('importantHint')}</span>
        </span>
      </label>
      <FormField label={t('specialNeeds')} error={fieldError(state, 'specialNeeds')} description={t('specialNeedsHint')}>
        <Textarea name="specialNeeds" rows={3} maxLength={1000} defaultValue={typedValue(state, 'specialNeeds') ?? specialNeeds} />
      </FormField>
      <SubmitButton variant="outline" pendingLabel={t('saving')} className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}
