'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { cancelAction, respondAction, type ManageState } from './actions';

export interface ManageFormText {
  confirm: string;
  decline: string;
  declineReason: string;
  cancel: string;
  cancelReason: string;
  cancelHint: string;
  sending: string;
}

/** Confirm / decline: two submit buttons of one form, each a POST to the server action. */
export function RespondForm({ token, locale, text }: { token: string; locale: string; text: ManageFormText }) {
  const [state, action, pending] = useActionState<ManageState, FormData>(respondAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <LinkFields token={token} locale={locale} />
      {state && <Alert variant="error">{state.error}</Alert>}
      <FormField label={text.declineReason} error={state?.fields?.reason}>
        <Textarea name="reason" rows={2} maxLength={1000} defaultValue={state?.reason} />
      </FormField>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" name="decision" value="confirm" size="lg" disabled={pending}>
          {pending ? text.sending : text.confirm}
        </Button>
        <Button type="submit" name="decision" value="decline" size="lg" variant="outline" disabled={pending}>
          {text.decline}
        </Button>
      </div>
    </form>
  );
}

/** Cancelling needs a reason (policy); the domain refuses an empty one with a field message. */
export function CancelForm({ token, locale, text }: { token: string; locale: string; text: ManageFormText }) {
  const [state, action, pending] = useActionState<ManageState, FormData>(cancelAction, null);
  const fieldError = state?.fields?.reason?.[0];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <LinkFields token={token} locale={locale} />
      {state && !fieldError && <Alert variant="error">{state.error}</Alert>}
      <FormField label={text.cancelReason} required error={fieldError} description={text.cancelHint}>
        <Textarea name="reason" rows={2} maxLength={1000} required defaultValue={state?.reason} />
      </FormField>
      <Button type="submit" variant="destructive" disabled={pending} className="self-start">
        {pending ? text.sending : text.cancel}
      </Button>
    </form>
  );
}

/** Which link (the only credential) and which language the page is in. */
function LinkFields({ token, locale }: { token: string; locale: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
}
