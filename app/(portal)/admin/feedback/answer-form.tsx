'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { answerFeedbackAction } from './actions';

/** Admin's answer to one suggestion; the sender reads it on their suggestions page. */
export function AnswerFeedbackForm({ feedbackId }: { feedbackId: string }) {
  const t = useTranslations('feedback.admin');
  const [state, action] = useActionState(answerFeedbackAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <ActionStatus result={state} />
      <FormField label={t('answer')} required error={fieldError(state, 'answer')}>
        <Textarea name="answer" rows={2} maxLength={2000} required defaultValue={typedValue(state, 'answer')} />
      </FormField>
      <div>
        <SubmitButton size="sm" pendingLabel={t('answering')}>
          {t('send')}
        </SubmitButton>
      </div>
    </form>
  );
}
