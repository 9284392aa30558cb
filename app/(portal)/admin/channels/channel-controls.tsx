'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { setChannelActiveAction, testChannelAction } from './actions';

/** Switches a channel off (nothing more is posted to it) or on again. */
export function ChannelSwitch({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useTranslations('channels');
  const [state, action] = useActionState(setChannelActiveAction, null);
  useActionToast(state);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      <SubmitButton size="sm" variant="ghost" aria-label={t(active ? 'switchOffLabel' : 'switchOnLabel', { name })}>
        {t(active ? 'switchOff' : 'switchOn')}
      </SubmitButton>
      {state && !state.ok && (
        <span role="alert" className="block text-xs text-red-800">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** Posts a test message now and shows what the platform answered (never the secret). */
export function ChannelTest({ id, name }: { id: string; name: string }) {
  const t = useTranslations('channels');
  const [state, action] = useActionState(testChannelAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" variant="outline" pendingLabel={t('testing')} aria-label={t('testLabel', { name })}>
        {t('test')}
      </SubmitButton>
      <p role="status" className="max-w-64 text-right text-xs break-words">
        {state?.ok &&
          (state.data.ok ? (
            <span className="text-green-800">{t('testOk')}</span>
          ) : (
            <span className="text-red-800">{t('testFailed', { answer: state.data.error ?? '' })}</span>
          ))}
        {state && !state.ok && <span className="text-red-800">{state.message}</span>}
      </p>
    </form>
  );
}
