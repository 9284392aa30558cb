'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { retryMailAction } from './actions';

export function RetryButton({ id, label, failedMessage }: { id: string; label: string; failedMessage: string }) {
  const [state, action, pending] = useActionState(retryMailAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {label}
      </Button>
      {state?.failed && (
        <span role="alert" className="text-xs text-red-800">
          {failedMessage}
        </span>
      )}
    </form>
  );
}
