import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/** Shared look of text-like controls, also used by Textarea and the Select trigger. */
export const fieldClasses =
  'w-full rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm sm:text-sm ' +
  'placeholder:text-slate-400 focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-100 disabled:opacity-70 ' +
  'aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600';

// text-base on phones: iOS zooms into inputs whose font is smaller than 16px.
export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(fieldClasses, 'h-10 py-2', className)} {...props} />;
}
