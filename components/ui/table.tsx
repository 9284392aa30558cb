import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the page. With a
 * `label`, the scroll box becomes a named, focusable region so keyboard users can scroll it;
 * a section around it then stays unnamed, so that no two landmarks share a name.
 */
export function Table({
  className,
  containerClassName,
  label,
  ...props
}: ComponentProps<'table'> & { containerClassName?: string; label?: string }) {
  return (
    <div
      className={cn('relative w-full overflow-x-auto rounded-lg border border-slate-200 bg-white', containerClassName)}
      {...(label ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <table className={cn('w-full caption-bottom border-collapse text-sm', className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-slate-50 [&_tr]:border-b [&_tr]:border-slate-200', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('border-b border-slate-200 hover:bg-slate-50/60', className)} {...props} />;
}

export function TableHead({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn('h-10 px-3 text-left align-middle text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600', className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-top', className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('px-3 py-2 text-left text-sm text-slate-600', className)} {...props} />;
}
