'use client';

/**
 * The visit's controls on the booking page: the check-in button, the check-out form with the
 * resource's return checklist (react-hook-form with the server's schema, answered by the same
 * server action), and admin's inspection. The domain functions behind the actions decide.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useActionState, useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFieldMessage } from '@/components/forms/use-field-message';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { checkOutSchema, type CheckOutInput, type CheckOutValues } from '@/lib/booking/visit-schemas';
import type { ActionResult } from '@/lib/forms/action-result';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { checkInAction, checkOutAction, inspectAction } from './visit-actions';

export function CheckInButton({ bookingId }: { bookingId: string }) {
  const t = useTranslations('visit');
  const [state, action] = useActionState(checkInAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <div>
        <SubmitButton size="lg" pendingLabel={t('sending')}>
          {t('checkIn.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

export interface ChecklistEntry {
  key: string;
  label: string;
}

export function CheckOutForm({ bookingId, checklist }: { bookingId: string; checklist: ChecklistEntry[] }) {
  const t = useTranslations('visit');
  const message = useFieldMessage();
  const [result, setResult] = useState<ActionResult<void> | null>(null);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<CheckOutInput, unknown, CheckOutValues>({
    resolver: zodResolver(checkOutSchema),
    defaultValues: { checklist: checklist.map(({ key }) => ({ key, done: false, note: '' })), condition: 'ok', notes: '' },
  });
  const answers = useWatch({ control, name: 'checklist' });
  const condition = useWatch({ control, name: 'condition' });
  // Browser messages are keys; the server's arrive in words.
  const errorOf = (name: string, key: string | undefined) => message(key) ?? fieldError(result, name);

  const onSubmit = (values: CheckOutValues) =>
    startTransition(async () => {
      setResult(await checkOutAction({ bookingId, ...values }));
    });

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-labelledby="check-out-heading">
      <h3 id="check-out-heading" className="font-semibold text-slate-900">
        {t('checkOut.heading')}
      </h3>
      <ActionStatus result={result} />
      {checklist.length > 0 && (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t('checkOut.checklist')}</legend>
          <p className="text-sm text-slate-600">{t('checkOut.checklistHint')}</p>
          {errorOf('checklist', errors.checklist?.message) && (
            <p className="text-sm text-red-700">{errorOf('checklist', errors.checklist?.message)}</p>
          )}
          {checklist.map((item, index) => (
            <div key={item.key} className="flex flex-col gap-2">
              <input type="hidden" {...register(`checklist.${index}.key`)} />
              <label className="flex min-h-11 items-center gap-3 text-base">
                <input type="checkbox" className="size-5 accent-blue-700" {...register(`checklist.${index}.done`)} />
                <span>{item.label}</span>
              </label>
              {!answers?.[index]?.done && (
                <FormField
                  label={t('checkOut.whyNot', { item: item.label })}
                  error={errorOf(`checklist.${index}.note`, errors.checklist?.[index]?.note?.message)}
                  className="ml-8"
                >
                  <Input maxLength={500} {...register(`checklist.${index}.note`)} />
                </FormField>
              )}
            </div>
          ))}
        </fieldset>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('checkOut.condition')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['ok', 'issue'] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-base">
              <input type="radio" value={value} className="size-5 accent-blue-700" {...register('condition')} />
              {t(`condition.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField label={t('checkOut.notes')} required={condition === 'issue'} error={errorOf('notes', errors.notes?.message)}>
        <Textarea rows={3} maxLength={2000} {...register('notes')} />
      </FormField>
      <div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? t('sending') : t('checkOut.submit')}
        </Button>
      </div>
    </form>
  );
}

export function InspectForm({ bookingId }: { bookingId: string }) {
  const t = useTranslations('visit');
  const [state, action] = useActionState(inspectAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-labelledby="inspect-heading">
      <h3 id="inspect-heading" className="font-semibold text-slate-900">
        {t('inspect.heading')}
      </h3>
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('inspect.result')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['ok', 'issue'] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-base">
              <input type="radio" name="result" value={value} defaultChecked={(typedValue(state, 'result') ?? 'ok') === value} className="size-5 accent-blue-700" />
              {t(`condition.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField label={t('inspect.notes')} error={fieldError(state, 'notes')}>
        <Textarea name="notes" rows={3} maxLength={2000} defaultValue={typedValue(state, 'notes')} />
      </FormField>
      <div>
        <SubmitButton pendingLabel={t('sending')}>{t('inspect.submit')}</SubmitButton>
      </div>
    </form>
  );
}
