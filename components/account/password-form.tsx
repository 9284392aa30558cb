'use client';

/**
 * A new password typed twice (and, when signed in, the current one first). Used by the e-mailed
 * link page and the account page; the action decides what happens after.
 */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldError, type FormAction } from '@/lib/forms/action-result';

export function PasswordForm({ action, token, askCurrent }: { action: FormAction; token?: string; askCurrent?: boolean }) {
  const t = useTranslations('people.password');
  const [state, formAction] = useActionState(action, null);
  if (state?.ok && token) {
    return (
      <div className="flex flex-col gap-3">
        <ActionStatus result={state} />
        <Link href="/login" className="font-medium text-blue-700 underline-offset-4 hover:underline">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
      {token && <input type="hidden" name="token" value={token} />}
      <ActionStatus result={state} />
      {askCurrent && (
        <FormField label={t('current')} required error={fieldError(state, 'current')}>
          <Input name="current" type="password" autoComplete="current-password" required />
        </FormField>
      )}
      <FormField label={t('new')} required error={fieldError(state, 'password')} description={t('hint')}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </FormField>
      <FormField label={t('confirm')} required error={fieldError(state, 'confirm')}>
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </FormField>
      <SubmitButton className="self-start">{t('save')}</SubmitButton>
    </form>
  );
}
