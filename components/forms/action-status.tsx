'use client';

/**
 * How a form shows what its action answered (an `ActionResult`): a refusal as a banner above the
 * fields — its message; the field messages sit on the fields — and a success message as a
 * toast, or as a banner where the form stays on the page for the next entry.
 */
import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/forms/action-result';

export function ActionStatus({
  result,
  success = 'banner',
  className,
}: {
  result: ActionResult<unknown> | null | undefined;
  /** `toast`: a success shows as a toast (useActionToast) rather than here. */
  success?: 'banner' | 'toast';
  className?: string;
}) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <Alert variant="error" className={className}>
        {result.message}
      </Alert>
    );
  }
  if (success === 'toast' || !result.message) return null;
  return <Alert variant="success" className={className} title={result.message} />;
}

/** A success message as a toast, once per answer. */
export function useActionToast(result: ActionResult<unknown> | null | undefined): void {
  useEffect(() => {
    if (result?.ok && result.message) toast({ title: result.message });
  }, [result]);
}
