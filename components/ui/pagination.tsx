import { ChevronLeftIcon, ChevronRightIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

/**
 * Previous / next page links and where we are ("page 2 of 5"). Plain links, so the page works
 * without JavaScript and each page has its own address.
 */
export function Pagination({
  page,
  pageCount,
  href,
  label,
  className,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** Names the navigation landmark (several lists may page on one screen). */
  label: string;
  className?: string;
}) {
  const t = useTranslations('common.pagination');
  if (pageCount <= 1) return null;
  const link = 'inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600';
  return (
    <nav aria-label={label} className={cn('flex flex-wrap items-center gap-3', className)}>
      {page > 1 && (
        <Link href={href(page - 1)} className={link} rel="prev">
          <ChevronLeftIcon className="size-4" aria-hidden />
          {t('previous')}
        </Link>
      )}
      <p className="text-sm text-slate-700" aria-current="page">
        {t('position', { page, pageCount })}
      </p>
      {page < pageCount && (
        <Link href={href(page + 1)} className={link} rel="next">
          {t('next')}
          <ChevronRightIcon className="size-4" aria-hidden />
        </Link>
      )}
    </nav>
  );
}
