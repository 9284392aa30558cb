'use client';

import { LoaderCircleIcon } from 'lucide-react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from '@/components/ui/button';

/**
 * A form's submit button that shows the action running: disabled, a spinner and `pendingLabel`.
 * Inside a form posted by its `action`, it follows that form; `pending` covers forms that start
 * their action themselves (react-hook-form) or a button outside the form. Of several buttons
 * with one `name` (approve as asked / for an alternative), only the one pressed spins.
 */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  disabled,
  ...props
}: ButtonProps & { pending?: boolean; pendingLabel?: string }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  const pressed = !props.name || !status.data || status.data.get(props.name) === String(props.value ?? '');
  const working = busy && pressed;
  return (
    <Button type="submit" disabled={busy || disabled} aria-busy={working || undefined} {...props}>
      {working && <LoaderCircleIcon className="animate-spin" aria-hidden />}
      {working && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
