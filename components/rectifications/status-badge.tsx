import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { RectificationStatus } from '@/db/schema';

const VARIANT = { open: 'outline', in_progress: 'info', done: 'success', verified: 'neutral' } as const;

/** An item's status, and "overdue" beside it while it is late. */
export function RectificationStatusBadge({ status, overdue }: { status: RectificationStatus; overdue: boolean }) {
  const t = useTranslations('rectifications');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge variant={VARIANT[status]}>{t(`status.${status}`)}</Badge>
      {overdue && <Badge variant="danger">{t('overdue')}</Badge>}
    </span>
  );
}
