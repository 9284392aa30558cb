'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';
import { activeHref, type NavItem } from './nav-items';

/** A count of work waiting behind a link, and how a screen reader says it ("3 waiting"). */
export type NavBadges = Partial<Record<NavItem['label'], { count: number; text: string }>>;

/** The role's navigation links; the current page is marked with aria-current, waiting work with a badge. */
export function NavLinks({
  items,
  labels,
  badges = {},
  orientation,
  onNavigate,
}: {
  items: NavItem[];
  labels: Record<NavItem['label'], string>;
  badges?: NavBadges;
  orientation: 'horizontal' | 'vertical';
  onNavigate?: () => void;
}) {
  const active = activeHref(items, usePathname());
  return (
    <ul className={cn('flex', orientation === 'horizontal' ? 'flex-wrap items-center gap-1' : 'flex-col gap-1')}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item.href === active ? 'page' : undefined}
            onClick={onNavigate}
            className={cn(
              'flex items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              'aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-800',
              orientation === 'horizontal' ? 'h-9' : 'h-11 text-base',
            )}
          >
            {labels[item.label]}
            {badges[item.label] && (
              <span className="ml-1.5 rounded-full bg-blue-700 px-1.5 text-xs leading-5 font-semibold text-white">
                <span aria-hidden>{badges[item.label]!.count}</span>
                <span className="sr-only">{badges[item.label]!.text}</span>
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
