'use client';

import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/forms/action-result';

/** "Mark as read" on one survey answer in the desk's list. */
export function MarkSeenButton({ action: mark, surveyId, label, reference }: { action: FormAction; surveyId: string; label: string; reference: string }) {
  const [state, action] = useActionState(mark, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="surveyId" value={surveyId} />
      <ActionStatus result={state} />
      <SubmitButton variant="outline" size="sm" className="self-start" aria-label={`${label} · ${reference}`}>
        {label}
      </SubmitButton>
    </form>
  );
}
