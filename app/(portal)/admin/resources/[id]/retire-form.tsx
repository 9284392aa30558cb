'use client';

/** Retires the resource (with a reason for the audit log), or puts a retired one back in service. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { reinstateResourceAction, retireResourceAction } from '../actions';

export function RetireForm({ id, retired }: { id: string; retired: boolean }) {
  const t = useTranslations('resourceAdmin.retire');
  const [retireState, retire] = useActionState(retireResourceAction, null);
  const [reinstateState, reinstate] = useActionState(reinstateResourceAction, null);

  if (retired) {
    return (
      <form action={reinstate} className="flex flex-col gap-2">
        <input type="hidden" name="id" value={id} />
        <ActionStatus result={reinstateState} />
        <SubmitButton variant="outline">{t('reinstate')}</SubmitButton>
      </form>
    );
  }
  return (
    <details className="rounded-lg border border-red-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium text-red-800">{t('open')}</summary>
      <form action={retire} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="id" value={id} />
        <p className="text-slate-700">{t('explain')}</p>
        <ActionStatus result={retireState} />
        <FormField label={t('reason')}>
          <Input name="reason" maxLength={500} />
        </FormField>
        <SubmitButton variant="destructive" className="self-start">
          {t('confirm')}
        </SubmitButton>
      </form>
    </details>
  );
}
