'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { respondAction, type RespondState } from './actions';

export interface RespondFormText {
  confirm: string;
  decline: string;
  declineReason: string;
  submitting: string;
  confirmed: string;
  declined: string;
}

/** Confirm / Decline: two submit buttons of one form, each a POST to the server action. */
export function RespondForm({
  token,
  locale,
  intent,
  text,
}: {
  token: string;
  locale: string;
  intent: 'confirm' | 'decline' | null;
  text: RespondFormText;
}) {
  const [state, action, pending] = useActionState<RespondState, FormData>(respondAction.bind(null, token, locale), null);

  if (state?.ok) return <Alert variant="success">{text[state.result]}</Alert>;

  return (
    <form action={action} className="flex flex-col gap-4">
      {state && !state.ok && <Alert variant="error">{state.message}</Alert>}
      <div className="flex flex-col gap-2">
        <Label htmlFor="reason">{text.declineReason}</Label>
        <Textarea id="reason" name="reason" rows={2} maxLength={1000} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="confirm" size="lg" disabled={pending} autoFocus={intent === 'confirm'}>
          {pending ? text.submitting : text.confirm}
        </Button>
        <Button
          type="submit"
          name="decision"
          value="decline"
          size="lg"
          variant="outline"
          disabled={pending}
          autoFocus={intent === 'decline'}
        >
          {text.decline}
        </Button>
      </div>
    </form>
  );
}
