'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { answerCoordinationAction } from './actions';

/** Agree, or raise concerns with a comment (required then; the domain checks it). */
export function AnswerForm({ coordinationId }: { coordinationId: string }) {
  const t = useTranslations('coordination.form');
  const [state, action] = useActionState(answerCoordinationAction, null);
  const answerError = fieldError(state, 'answer');
  const answerErrorId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="coordinationId" value={coordinationId} />
      <ActionStatus result={state} />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={answerError ? answerErrorId : undefined}
        aria-invalid={answerError ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">
          {t('answer')}
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        </legend>
        <div className="flex flex-col gap-2 sm:flex-row">
          {(['agree', 'concerns'] as const).map((answer) => (
            <label
              key={answer}
              className="flex min-h-10 flex-1 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm has-checked:border-blue-600 has-checked:bg-blue-50"
            >
              <input
                type="radio"
                name="answer"
                value={answer}
                required
                defaultChecked={typedValue(state, 'answer') === answer}
                className="size-4 accent-blue-700"
              />
              {t(answer)}
            </label>
          ))}
        </div>
        {answerError && (
          <p id={answerErrorId} className="text-sm font-medium text-red-700">
            {answerError}
          </p>
        )}
      </fieldset>
      <FormField label={t('comment')} description={t('commentHint')} error={fieldError(state, 'comment')}>
        <Textarea name="comment" rows={3} maxLength={1000} defaultValue={typedValue(state, 'comment')} />
      </FormField>
      <SubmitButton className="w-full sm:w-auto sm:self-start">{t('submit')}</SubmitButton>
    </form>
  );
}
