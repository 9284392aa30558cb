'use client';

/**
 * The series page's forms: admin approves every waiting occurrence (or the ticked ones) or
 * rejects the ticked ones; the applicant confirms the series once and cancels one occurrence,
 * it and the following ones, or all. The domain decides; each form shows what it answered.
 */
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { approveSeriesAction, cancelSeriesAction, confirmSeriesAction, rejectSeriesAction } from '../actions';

export interface OccurrenceChoice {
  n: number;
  label: string;
}

export function ReviewSeries({ seriesId, waiting }: { seriesId: string; waiting: OccurrenceChoice[] }) {
  const t = useTranslations('series');
  const [ticked, setTicked] = useState<number[]>([]);
  const [approved, approve] = useActionState(approveSeriesAction, null);
  const [rejected, reject] = useActionState(rejectSeriesAction, null);
  const toggle = (n: number) => setTicked((now) => (now.includes(n) ? now.filter((x) => x !== n) : [...now, n]));
  const chosen = ticked.map((n) => <input key={n} type="hidden" name="occurrences" value={n} />);
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('review.pick')}</legend>
        <p className="mb-2 text-xs text-slate-600">{t('review.pickHint')}</p>
        <div className="flex flex-col gap-1">
          {waiting.map((o) => (
            <label key={o.n} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" checked={ticked.includes(o.n)} onChange={() => toggle(o.n)} className="size-4" />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      <form action={approve} noValidate className="flex flex-col gap-3">
        <input type="hidden" name="seriesId" value={seriesId} />
        {chosen}
        <ActionStatus result={approved} />
        <FormField label={t('review.opinion')} required error={fieldError(approved, 'opinion')}>
          <Textarea name="opinion" rows={2} maxLength={1000} required />
        </FormField>
        <div>
          <SubmitButton>{ticked.length > 0 ? t('review.approveTicked', { count: ticked.length }) : t('review.approveAll')}</SubmitButton>
        </div>
      </form>
      <form action={reject} noValidate className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <input type="hidden" name="seriesId" value={seriesId} />
        {chosen}
        <ActionStatus result={rejected} />
        <FormField label={t('review.reason')} required error={fieldError(rejected, 'reason')}>
          <Textarea name="reason" rows={2} maxLength={1000} required />
        </FormField>
        <div>
          <SubmitButton variant="destructive">
            {ticked.length > 0 ? t('review.rejectTicked', { count: ticked.length }) : t('review.rejectAll')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

export function ConfirmSeries({ seriesId, count }: { seriesId: string; count: number }) {
  const t = useTranslations('series');
  const [state, action] = useActionState(confirmSeriesAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="seriesId" value={seriesId} />
      <ActionStatus result={state} />
      <p className="text-sm text-slate-700">{t('confirm.hint', { count })}</p>
      <div>
        <SubmitButton size="lg">{t('confirm.submit')}</SubmitButton>
      </div>
    </form>
  );
}

export function CancelSeries({ seriesId, cancellable }: { seriesId: string; cancellable: OccurrenceChoice[] }) {
  const t = useTranslations('series');
  const [state, action] = useActionState(cancelSeriesAction, null);
  const [scope, setScope] = useState<'one' | 'following' | 'all'>('one');
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="seriesId" value={seriesId} />
      <ActionStatus result={state} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t('cancel.scope')}</legend>
        {(['one', 'following', 'all'] as const).map((s) => (
          <label key={s} className="flex min-h-10 items-center gap-2 text-sm">
            <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} className="size-4" />
            {t(`cancel.scopes.${s}`)}
          </label>
        ))}
      </fieldset>
      {scope !== 'all' && (
        <FormField label={t('cancel.occurrence')} required error={fieldError(state, 'occurrence')}>
          {(control) => (
            <select {...control} name="occurrence" className={cn(fieldClasses, 'h-10 py-2')}>
              {cancellable.map((o) => (
                <option key={o.n} value={o.n}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t('cancel.reason')} required error={fieldError(state, 'reason')}>
        <Textarea name="reason" rows={2} maxLength={1000} required />
      </FormField>
      <div>
        <SubmitButton variant="destructive">{t('cancel.submit')}</SubmitButton>
      </div>
    </form>
  );
}
