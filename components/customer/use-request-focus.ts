'use client';

import { useRef } from 'react';
import type { ErrorOption } from 'react-hook-form';

/**
 * Where a refused request moves the focus, for the customer request forms: to the first field
 * in page order that has a message (the start time is shown as the slot summary, not an
 * input), else to the failure notice, so a keyboard or screen-reader user lands on the problem.
 */
export function useRequestFocus<Field extends string>({
  focusOrder,
  fieldFor,
  setError,
  setFocus,
}: {
  focusOrder: readonly Field[];
  /** The form field that shows a schema or server error about this request key. */
  fieldFor: (key: string) => Field | null;
  setError: (field: Field, error: ErrorOption) => void;
  setFocus: (field: Field) => void;
}) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const focusField = (field: Field) => {
    if (field === 'startTime') summaryRef.current?.focus();
    else setFocus(field);
  };

  /** The server's per-field message keys onto the form; the focus moves once the notice is drawn. */
  const showServerErrors = (fieldErrors: Record<string, string[]> | undefined) => {
    const fields = Object.entries(fieldErrors ?? {})
      .map(([key, keys]) => [fieldFor(key), keys[0]] as const)
      .filter((entry): entry is readonly [Field, string] => entry[0] !== null);
    for (const [field, key] of fields) setError(field, { type: 'server', message: key });
    const first = focusOrder.find((f) => fields.some(([field]) => field === f));
    requestAnimationFrame(() => (first ? focusField(first) : failureRef.current?.focus()));
  };

  /** For handleSubmit: the browser-side check failed. */
  const onInvalid = (invalid: Partial<Record<Field, unknown>>) => {
    const first = focusOrder.find((f) => invalid[f]);
    if (first) focusField(first);
  };

  return { summaryRef, failureRef, showServerErrors, onInvalid };
}
