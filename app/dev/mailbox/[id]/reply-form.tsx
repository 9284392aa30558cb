'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { sendDevReplyAction, type DevReplyState } from './actions';

export function DevReplyForm({ id, text }: { id: string; text: { body: string; defaultBody: string; send: string; outcome: string } }) {
  const [state, action, pending] = useActionState<DevReplyState, FormData>(sendDevReplyAction.bind(null, id), null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <Label htmlFor="body">{text.body}</Label>
      <Textarea id="body" name="body" rows={3} defaultValue={text.defaultBody} required />
      <Button type="submit" disabled={pending} className="self-start">
        {text.send}
      </Button>
      {state && (
        <Alert variant={'error' in state ? 'error' : 'info'}>
          {'error' in state ? state.error : `${text.outcome}: ${state.outcome}${state.reason ? ` (${state.reason})` : ''}`}
        </Alert>
      )}
    </form>
  );
}
