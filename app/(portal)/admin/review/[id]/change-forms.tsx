'use client';

/** Admin's answer to a change request (approve with an opinion, refuse with a reason) and admin's cancel. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';
import { adminCancelAction, approveChangeAction, rejectChangeAction } from './actions';

function TextForm({
  action: submit,
  bookingId,
  name,
  label,
  submitLabel,
  variant,
}: {
  action: FormAction;
  bookingId: string;
  name: 'opinion' | 'reason';
  label: string;
  submitLabel: string;
  variant?: 'outline' | 'destructive';
}) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <FormField label={label} required error={fieldError(state, name)}>
        <Textarea name={name} rows={2} maxLength={1000} required defaultValue={typedValue(state, name)} />
      </FormField>
      <SubmitButton variant={variant} className="w-full sm:w-auto sm:self-start">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export function ChangeDecisionForms({ bookingId }: { bookingId: string }) {
  const t = useTranslations('change.review');
  return (
    <div className="flex flex-col gap-4">
      <TextForm action={approveChangeAction} bookingId={bookingId} name="opinion" label={t('opinion')} submitLabel={t('approve')} />
      <div className="border-t border-slate-200 pt-4">
        <TextForm action={rejectChangeAction} bookingId={bookingId} name="reason" label={t('rejectReason')} submitLabel={t('reject')} variant="outline" />
      </div>
    </div>
  );
}

export function AdminCancelForm({ bookingId }: { bookingId: string }) {
  const t = useTranslations('change.admin');
  return <TextForm action={adminCancelAction} bookingId={bookingId} name="reason" label={t('cancelReason')} submitLabel={t('cancelSubmit')} variant="destructive" />;
}
