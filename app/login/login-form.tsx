'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { signInAction, type SignInState } from './actions';

export function LoginForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: SignInState['error'] }) {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: initialError });
  const message =
    state.error === 'throttled'
      ? state.retryAfterMinutes
        ? t('throttled', { minutes: state.retryAfterMinutes })
        : t('throttledLater')
      : state.error && t(state.error);

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {message && <Alert variant="error">{message}</Alert>}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField label={t('email')} required>
        <Input
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.email}
          // Re-mount with the echoed value after a failed attempt.
          key={state.email}
        />
      </FormField>
      <FormField label={t('password')} required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="mt-2 w-full">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
