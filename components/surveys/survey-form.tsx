'use client';

/**
 * The follow-up survey's form: three scores as radio groups (arrow keys move within a group),
 * an optional comment and "may we contact you". A plain form post, so it works before the
 * page's script runs; the token and the page's language travel as hidden fields. A refusal
 * shows its messages on the fields and keeps what was chosen.
 */
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';

export const SCORE_QUESTIONS = ['overall', 'condition', 'service'] as const;
type Question = (typeof SCORE_QUESTIONS)[number];

export interface SurveyFormText {
  questions: Record<Question, string>;
  scale: string;
  /** By score, "1".."5": the word for it (很差 … 非常好). */
  scoreWords: Record<string, string>;
  comment: string;
  mayContact: string;
  submit: string;
  sending: string;
}

export function SurveyForm({
  action: answer,
  token,
  locale,
  commentMax,
  text,
}: {
  action: FormAction;
  token: string;
  locale: string;
  commentMax: number;
  text: SurveyFormText;
}) {
  const [state, action] = useActionState(answer, null);
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="pageLocale" value={locale} />
      <ActionStatus result={state} />
      <p className="text-sm text-slate-600">{text.scale}</p>
      {SCORE_QUESTIONS.map((question) => {
        const error = fieldError(state, question);
        const chosen = typedValue(state, question);
        const errorId = `${question}-error`;
        return (
          <fieldset key={question} className="flex flex-col gap-2" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
            <legend className="mb-2 text-sm font-medium text-slate-900">{text.questions[question]}</legend>
            <div className="grid grid-cols-5 gap-2">
              {['1', '2', '3', '4', '5'].map((score) => (
                <label key={score} className="relative">
                  <input
                    type="radio"
                    name={question}
                    value={score}
                    defaultChecked={chosen === score}
                    required
                    className="peer sr-only"
                  />
                  <span
                    className={cn(
                      'flex min-h-14 cursor-pointer flex-col items-center justify-center rounded-md border border-slate-300 bg-white px-1 py-2 text-center',
                      'peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white',
                      'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600',
                      'hover:border-blue-500',
                    )}
                  >
                    <span className="text-lg font-semibold tabular-nums">{score}</span>
                    <span className="text-xs leading-tight">{text.scoreWords[score]}</span>
                  </span>
                </label>
              ))}
            </div>
            {error && (
              <p id={errorId} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <FormField label={text.comment} error={fieldError(state, 'comment')}>
        <Textarea name="comment" rows={4} maxLength={commentMax} defaultValue={typedValue(state, 'comment')} />
      </FormField>
      <label className="flex items-start gap-3 text-sm text-slate-900">
        <input
          type="checkbox"
          name="mayContact"
          defaultChecked={typedValue(state, 'mayContact') === 'on'}
          className="mt-0.5 size-5 shrink-0 accent-blue-700"
        />
        <span>{text.mayContact}</span>
      </label>
      <SubmitButton size="lg" pendingLabel={text.sending} className="self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
