'use client';

/**
 * The link page's forms. Plain form posts to the actions the page gives (the token and the page's
 * language travel as hidden fields, so a form posted before the page's script runs works too);
 * the texts come from the page, which may be in another language than the visitor's cookie.
 */
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue, type FormAction } from '@/lib/forms/action-result';

export interface LinkFormProps {
  action: FormAction;
  token: string;
  /** `r` or `m`: the address the page was opened at, where the answer comes back. */
  path: 'r' | 'm';
  locale: string;
  text: { sending: string; reason: string; submit: string; decline?: string; hint?: string };
}

/** Confirm / decline: two submit buttons of one form; a decline may give a reason. */
export function RespondForm({ action: respond, token, path, locale, text, intent }: LinkFormProps & { intent: 'confirm' | 'decline' | null }) {
  const [state, action] = useActionState(respond, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <LinkFields token={token} path={path} locale={locale} />
      <ActionStatus result={state} />
      <FormField label={text.reason} error={fieldError(state, 'reason')}>
        <Textarea name="reason" rows={2} maxLength={1000} defaultValue={typedValue(state, 'reason')} />
      </FormField>
      <div className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton name="decision" value="confirm" size="lg" pendingLabel={text.sending} autoFocus={intent === 'confirm'}>
          {text.submit}
        </SubmitButton>
        <SubmitButton name="decision" value="decline" size="lg" variant="outline" pendingLabel={text.sending} autoFocus={intent === 'decline'}>
          {text.decline}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Cancelling needs a reason (policy); the domain refuses an empty one with a field message. */
export function CancelForm({ action: cancel, token, path, locale, text }: LinkFormProps) {
  const [state, action] = useActionState(cancel, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <LinkFields token={token} path={path} locale={locale} />
      <ActionStatus result={state} />
      <FormField label={text.reason} required error={fieldError(state, 'reason')} description={text.hint}>
        <Textarea name="reason" rows={2} maxLength={1000} required defaultValue={typedValue(state, 'reason')} />
      </FormField>
      <SubmitButton variant="destructive" pendingLabel={text.sending} className="self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}

/** The information admin asked for, in the customer's words; the domain refuses an empty one. */
export function SupplementForm({ action: supplement, token, path, locale, text }: LinkFormProps) {
  const [state, action] = useActionState(supplement, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <LinkFields token={token} path={path} locale={locale} />
      <ActionStatus result={state} />
      <FormField label={text.reason} required error={fieldError(state, 'message')} description={text.hint}>
        <Textarea name="message" rows={4} maxLength={2000} required defaultValue={typedValue(state, 'message')} />
      </FormField>
      <SubmitButton pendingLabel={text.sending} className="self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}

/** Check in on arrival: one button, the window is the domain's to enforce. */
export function CheckInForm({ action: checkIn, token, path, locale, text }: Omit<LinkFormProps, 'text'> & { text: { sending: string; submit: string } }) {
  const [state, action] = useActionState(checkIn, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <LinkFields token={token} path={path} locale={locale} />
      <ActionStatus result={state} />
      <SubmitButton size="lg" pendingLabel={text.sending} className="self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}

/** Which link (the only credential), where to come back, and the page's language. */
function LinkFields({ token, path, locale }: { token: string; path: string; locale: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="path" value={path} />
      <input type="hidden" name="pageLocale" value={locale} />
    </>
  );
}
