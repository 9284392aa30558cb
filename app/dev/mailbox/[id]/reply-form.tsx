'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { fieldError } from '@/lib/forms/action-result';
import { sendDevReplyAction } from './actions';

export function DevReplyForm({ id, text }: { id: string; text: { body: string; defaultBody: string; send: string } }) {
  const [state, action] = useActionState(sendDevReplyAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <FormField label={text.body} error={fieldError(state, 'body')}>
        <Textarea name="body" rows={3} defaultValue={text.defaultBody} required />
      </FormField>
      <SubmitButton className="self-start">{text.send}</SubmitButton>
      {state && (
        <Alert variant={state.ok ? 'info' : 'error'}>
          {state.message}
        </Alert>
      )}
    </form>
  );
}
