import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { Resource } from '@/db/schema';

const variants = { in_service: 'success', maintenance: 'warning', retired: 'neutral' } as const;

export function ResourceStateBadge({ state }: { state: Resource['state'] }) {
  const t = useTranslations('resourceState');
  return <Badge variant={variants[state]}>{t(state)}</Badge>;
}
