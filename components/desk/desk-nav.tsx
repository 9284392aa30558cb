import { BellRingIcon, FilePlusIcon, MessageSquareTextIcon, SearchIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

export type DeskSection = 'bookings' | 'notify' | 'new' | 'surveys';

const SECTIONS: { key: DeskSection; href: string; Icon: typeof SearchIcon }[] = [
  { key: 'bookings', href: '/desk', Icon: SearchIcon },
  { key: 'notify', href: '/desk/notify', Icon: BellRingIcon },
  { key: 'new', href: '/desk/new', Icon: FilePlusIcon },
  { key: 'surveys', href: '/desk/surveys', Icon: MessageSquareTextIcon },
];

/**
 * The service desk's own sections; `toNotify` puts the number waiting on the "to notify" tab,
 * `newSurveys` the unread survey answers on the "surveys" tab.
 */
export function DeskNav({ current, toNotify, newSurveys }: { current?: DeskSection; toNotify?: number; newSurveys?: number }) {
  const t = useTranslations('desk.nav');
  const counts: Partial<Record<DeskSection, number>> = { notify: toNotify, surveys: newSurveys };
  return (
    <nav aria-label={t('label')} className="mb-6 -mx-1 overflow-x-auto px-1">
      <ul className="flex gap-2">
        {SECTIONS.map(({ key, href, Icon }) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={key === current ? 'page' : undefined}
              className={cn(
                'inline-flex h-10 items-center gap-2 rounded-full border px-4 text-sm font-medium whitespace-nowrap',
                'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600',
                key === current ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
              )}
            >
              <Icon className="size-4" aria-hidden />
              {t(key)}
              {(counts[key] ?? 0) > 0 && (
                <span
                  className={cn(
                    'rounded-full px-1.5 text-xs tabular-nums',
                    key === current ? 'bg-white text-blue-800' : 'bg-amber-100 text-amber-900',
                  )}
                >
                  {counts[key]}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
