import { Slot } from 'radix-ui';
import { useId, type ReactElement, type ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Label } from './label';

/** The attributes that tie a control to its label, hint and error text. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

export interface FormFieldProps {
  label: ReactNode;
  /** Already-translated message(s); the first is shown. */
  error?: string | string[];
  description?: ReactNode;
  required?: boolean;
  /** Defaults to a generated id; pass one when something else must point at the control. */
  id?: string;
  className?: string;
  /**
   * The control. A single element (Input, Textarea) receives the attributes directly; for
   * composite controls (Select) pass a function and put them on the focusable part.
   */
  children: ReactElement | ((control: FieldControlProps) => ReactNode);
}

/**
 * A labelled form control with optional hint and error text. The error is linked with
 * `aria-describedby` and flagged with `aria-invalid`, so screen readers read it with the field.
 */
export function FormField({ label, error, description, required, id, className, children }: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const message = Array.isArray(error) ? error[0] : error;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errorId = message ? `${controlId}-error` : undefined;
  const control: FieldControlProps = {
    id: controlId,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': [descriptionId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-required': required || undefined,
  };

  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden>
            *
          </span>
        )}
      </Label>
      {typeof children === 'function' ? children(control) : <Slot.Root {...control}>{children}</Slot.Root>}
      {description && (
        <p id={descriptionId} className="text-sm text-slate-600">
          {description}
        </p>
      )}
      {message && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
