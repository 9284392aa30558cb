'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { approveAction, rejectAction, requestCoordinationAction, requestInfoAction } from './actions';

export interface AlternativeChoice {
  /** `resourceId|startAt|endAt` (ISO instants), what the approve action reads. */
  value: string;
  resource: string;
  time: string;
  sameResource: boolean;
}

export interface ApproveFormProps {
  bookingId: string;
  /** A priority request: approving displaces the internal booking it names. */
  displaces: boolean;
  alternatives: AlternativeChoice[];
  resources: { id: string; label: string }[];
  /** The request's own slot, as the entry fields' starting values. */
  current: { resourceId: string; start: string; end: string };
}

/**
 * Approve with a review opinion: as requested, for one of the ranked alternatives (one click,
 * the button carries the slot), or for a resource and times typed in. One opinion serves all.
 */
export function ApproveForm({ bookingId, displaces, alternatives, resources, current }: ApproveFormProps) {
  const t = useTranslations('review.decide');
  const [state, action] = useActionState(approveAction, null);
  // The form's field first, then the domain's name for it.
  const error = (...names: string[]) => fieldError(state, ...names);
  const values = state && !state.ok ? state.values : undefined;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      {displaces && <input type="hidden" name="mode" value="displace" />}
      <ActionStatus result={state} />
      <FormField label={t('opinion')} required error={error('opinion')} description={t('opinionHint')}>
        <Textarea name="opinion" rows={3} maxLength={1000} required defaultValue={values?.opinion} />
      </FormField>
      <SubmitButton className="w-full sm:w-auto sm:self-start">{t('approve')}</SubmitButton>

      {!displaces && (
        <fieldset className="mt-2 flex flex-col gap-3">
          <legend className="mb-1 w-full border-t border-slate-200 pt-4 text-sm font-semibold text-slate-900">{t('otherSlot')}</legend>
          <p className="text-sm text-slate-600">{t('otherSlotHint')}</p>
          {alternatives.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noAlternatives')}</p>
          ) : (
            <ol className="flex flex-col gap-2" aria-label={t('alternatives')}>
              {alternatives.map((alt, index) => (
                <li
                  key={alt.value}
                  className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="flex min-w-0 flex-col text-sm">
                    <span className="font-medium text-slate-900">
                      {index + 1}. {alt.time}
                    </span>
                    <span className="text-slate-600">
                      {alt.resource} · {alt.sameResource ? t('sameResource') : t('otherResource')}
                    </span>
                  </div>
                  <SubmitButton
                    name="move"
                    value={alt.value}
                    variant="outline"
                    size="sm"
                    aria-label={t('useAlternativeLabel', { time: alt.time, resource: alt.resource })}
                  >
                    {t('useAlternative')}
                  </SubmitButton>
                </li>
              ))}
            </ol>
          )}
          <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-3">
            <p className="text-sm font-medium text-slate-800">{t('enterSlot')}</p>
            <FormField label={t('resource')} error={error('moveResourceId', 'resourceId')}>
              <select name="moveResourceId" defaultValue={values?.moveResourceId ?? current.resourceId} className={cn(fieldClasses, 'h-10 py-2')}>
                {resources.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </FormField>
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField label={t('start')} error={error('moveStart', 'startAt')}>
                <Input name="moveStart" type="datetime-local" step={900} defaultValue={values?.moveStart ?? current.start} />
              </FormField>
              <FormField label={t('end')} error={error('moveEnd', 'endAt')}>
                <Input name="moveEnd" type="datetime-local" step={900} defaultValue={values?.moveEnd ?? current.end} />
              </FormField>
            </div>
            <SubmitButton name="move" value="entered" variant="outline" className="w-full sm:w-auto sm:self-start">
              {t('useEntered')}
            </SubmitButton>
          </div>
        </fieldset>
      )}
    </form>
  );
}

/** A decision that needs one text: reject (reason) or ask for information (message). */
function TextDecisionForm({
  bookingId,
  kind,
}: {
  bookingId: string;
  kind: 'reject' | 'requestInfo';
}) {
  const t = useTranslations('review.decide');
  const [state, action] = useActionState(kind === 'reject' ? rejectAction : requestInfoAction, null);
  const name = kind === 'reject' ? 'reason' : 'message';
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <FormField label={t(`${kind}.label`)} description={t(`${kind}.hint`)} required error={fieldError(state, name)}>
        <Textarea name={name} rows={3} maxLength={kind === 'reject' ? 1000 : 2000} required defaultValue={typedValue(state, name)} />
      </FormField>
      <SubmitButton variant={kind === 'reject' ? 'destructive' : 'secondary'} className="w-full sm:w-auto sm:self-start">
        {t(`${kind}.submit`)}
      </SubmitButton>
    </form>
  );
}

export function RejectForm({ bookingId }: { bookingId: string }) {
  return <TextDecisionForm bookingId={bookingId} kind="reject" />;
}

export function RequestInfoForm({ bookingId }: { bookingId: string }) {
  return <TextDecisionForm bookingId={bookingId} kind="requestInfo" />;
}

/** Ask one or more departments to coordinate (important customers, special needs). */
export function CoordinationRequestForm({
  bookingId,
  departments,
}: {
  bookingId: string;
  /** Departments not asked yet. */
  departments: { id: string; label: string }[];
}) {
  const t = useTranslations('review.coordination');
  const [state, action] = useActionState(requestCoordinationAction, null);
  const chosen = new Set(typedValue(state, 'departmentIds')?.split(',') ?? []);
  const departmentsError = fieldError(state, 'departmentIds');
  const errorId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={departmentsError ? errorId : undefined}
        aria-invalid={departmentsError ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">
          {t('departments')}
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {departments.map((d) => (
            <label key={d.id} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm has-checked:border-blue-600 has-checked:bg-blue-50">
              <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={chosen.has(d.id)} className="size-4 accent-blue-700" />
              {d.label}
            </label>
          ))}
        </div>
        {departmentsError && (
          <p id={errorId} className="text-sm font-medium text-red-700">
            {departmentsError}
          </p>
        )}
      </fieldset>
      <FormField label={t('message')} description={t('messageHint')} required error={fieldError(state, 'message')}>
        <Textarea name="message" rows={3} maxLength={2000} required defaultValue={typedValue(state, 'message')} />
      </FormField>
      <SubmitButton variant="secondary" className="w-full sm:w-auto sm:self-start">
        {t('send')}
      </SubmitButton>
    </form>
  );
}
