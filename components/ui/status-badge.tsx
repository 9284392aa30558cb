import { useTranslations } from 'next-intl';
import type { BookingStatus } from '@/db/schema';
import { cn } from '@/lib/utils';
import { badgeVariants, bookingStatusClasses } from './badge';

/** A booking's status in the reader's language (works in server and client components). */
export function StatusBadge({ status, className }: { status: BookingStatus; className?: string }) {
  const t = useTranslations('status');
  return (
    <span className={cn(badgeVariants(), bookingStatusClasses[status], className)} data-status={status}>
      {t(status)}
    </span>
  );
}
