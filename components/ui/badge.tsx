import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import type { BookingStatus } from '@/db/schema';
import { cn } from '@/lib/utils';

export const badgeVariants = cva(
  'inline-flex w-fit shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
  {
    variants: {
      variant: {
        neutral: 'border-slate-200 bg-slate-100 text-slate-700',
        info: 'border-blue-200 bg-blue-50 text-blue-800',
        success: 'border-green-200 bg-green-50 text-green-800',
        warning: 'border-amber-200 bg-amber-50 text-amber-900',
        danger: 'border-red-200 bg-red-50 text-red-800',
        outline: 'border-slate-300 bg-white text-slate-700',
      },
    },
    defaultVariants: { variant: 'neutral' },
  },
);

export type BadgeProps = ComponentProps<'span'> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}

/**
 * One colour per booking status, so a list can be scanned at a glance: waiting on someone is
 * warm, agreed is green, in progress is violet, ended without use is grey or red. The text
 * label always carries the meaning too (never colour alone).
 */
export const bookingStatusClasses: Record<BookingStatus, string> = {
  pending: 'border-amber-200 bg-amber-50 text-amber-900',
  needs_info: 'border-orange-300 bg-orange-50 text-orange-900',
  awaiting_confirmation: 'border-sky-200 bg-sky-50 text-sky-900',
  confirmed: 'border-green-200 bg-green-50 text-green-800',
  in_use: 'border-violet-200 bg-violet-50 text-violet-800',
  completed: 'border-teal-200 bg-teal-50 text-teal-800',
  rejected: 'border-red-200 bg-red-50 text-red-800',
  cancelled: 'border-slate-200 bg-slate-100 text-slate-700',
  expired: 'border-stone-300 bg-stone-100 text-stone-700',
  no_show: 'border-rose-200 bg-rose-50 text-rose-800',
};
