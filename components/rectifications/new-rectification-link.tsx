import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonVariants } from '@/components/ui/button';
import { newRectificationHref } from '@/lib/rectifications/links';
import type { RectificationSource } from '@/lib/rectifications/schemas';

/**
 * "Create rectification item" for a page that shows something to put right: a damage report, a
 * suggestion, a survey answer, a booking. It opens the new-item form with this source prefilled.
 */
export function NewRectificationLink({ source }: { source: RectificationSource }) {
  const t = useTranslations('rectifications');
  return (
    <Link href={newRectificationHref(source)} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
      {t('createFromSource')}
    </Link>
  );
}
