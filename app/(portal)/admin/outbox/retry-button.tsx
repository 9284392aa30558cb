'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useActionToast } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { retryMailAction, retryNoticeAction } from './actions';

/** Sends a dead letter (an e-mail or a group-bot notice) again: a toast says it is queued, the row moves to the queue. */
export function RetryButton({ id, notice = false }: { id: string; notice?: boolean }) {
  const t = useTranslations('outbox');
  const [state, action] = useActionState(notice ? retryNoticeAction : retryMailAction, null);
  useActionToast(state);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton size="sm" variant="outline" pendingLabel={t('retrying')}>
        {t('retry')}
      </SubmitButton>
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-800">
          {state.code === 'not_found' ? t('retryFailed') : state.message}
        </span>
      )}
    </form>
  );
}
