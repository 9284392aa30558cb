'use client';

/**
 * "Move this booking": a new start and end (the organisation's wall clock), optionally another
 * resource, and the reason. The applicant's change request (portal, service desk, manage link)
 * and admin's move share it; the page gives the action, the hidden fields that say whose
 * booking (an id or a link token) and the texts (a link page may be in another language than
 * the visitor's cookie). A taken slot comes back with ranked alternatives, one click each.
 */
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';

export interface ChangeFormText {
  start: string;
  end: string;
  resource: string;
  reason: string;
  reasonHint?: string;
  submit: string;
  sending: string;
  alternatives: string;
}

export interface ChangeRequestFormProps {
  action: FormAction;
  hidden: Record<string, string>;
  /** Resources the booking may move to; the booking's own first. */
  resources: { id: string; label: string }[];
  /** The booking's slot now, as the fields' starting values. */
  current: { resourceId: string; start: string; end: string };
  locale: AppLocale;
  timeZone: string;
  text: ChangeFormText;
}

export function ChangeRequestForm({ action: submit, hidden, resources, current, locale, timeZone, text }: ChangeRequestFormProps) {
  const [state, action] = useActionState(submit, null);
  const typed = (name: string, fallback: string) => typedValue(state, name) ?? fallback;
  const alternatives = state && !state.ok ? (state.alternatives ?? []) : [];
  const label = (id: string) => resources.find((r) => r.id === id)?.label ?? '';

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ActionStatus result={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={text.start} required error={fieldError(state, 'startAt')}>
          <Input type="datetime-local" name="startAt" step={900} required defaultValue={typed('startAt', current.start)} />
        </FormField>
        <FormField label={text.end} required error={fieldError(state, 'endAt')}>
          <Input type="datetime-local" name="endAt" step={900} required defaultValue={typed('endAt', current.end)} />
        </FormField>
      </div>
      {resources.length > 1 && (
        <FormField label={text.resource} error={fieldError(state, 'resourceId')}>
          <select name="resourceId" className={fieldClasses} defaultValue={typed('resourceId', current.resourceId)}>
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField label={text.reason} required description={text.reasonHint} error={fieldError(state, 'reason')}>
        <Textarea name="reason" rows={2} maxLength={1000} required defaultValue={typedValue(state, 'reason')} />
      </FormField>
      <SubmitButton className="w-full sm:w-auto sm:self-start" pendingLabel={text.sending}>
        {text.submit}
      </SubmitButton>
      {alternatives.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-semibold text-slate-900">{text.alternatives}</legend>
          <ol className="flex flex-col gap-2">
            {alternatives.map((alt) => (
              <li key={`${alt.resourceId}|${alt.startAt}`}>
                <SubmitButton
                  name="pick"
                  value={`${alt.resourceId}|${alt.startAt}|${alt.endAt}`}
                  variant="outline"
                  className="h-auto min-h-11 w-full justify-start whitespace-normal py-2 text-left"
                >
                  {label(alt.resourceId)} · {formatRange(new Date(alt.startAt), new Date(alt.endAt), locale, timeZone)}
                </SubmitButton>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
    </form>
  );
}

/** Takes the pending change request back (the applicant's own, or customer service's for a customer). */
export function WithdrawChangeForm({ action: submit, hidden, label }: { action: FormAction; hidden: Record<string, string>; label: string }) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ActionStatus result={state} />
      <SubmitButton variant="outline" className="w-full sm:w-auto sm:self-start">
        {label}
      </SubmitButton>
    </form>
  );
}
