import { CalendarDaysIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LanguageSwitch } from '@/components/layout/language-switch';
import type { FormAction } from '@/lib/forms/action-result';

/**
 * The header of the pages customers see (the booking page, their booking's link): the product
 * name and the language switch (its action given by the page), nothing of the staff portal.
 */
export function PublicHeader({ setLocale }: { setLocale: FormAction }) {
  const t = useTranslations('common');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
        <Link href="/book" className="flex min-w-0 items-center gap-2 rounded-md text-base font-semibold text-slate-900 sm:text-lg">
          <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-blue-700 text-white" aria-hidden>
            <CalendarDaysIcon className="size-4" />
          </span>
          <span className="truncate">{t('appName')}</span>
        </Link>
        <div className="flex-1" />
        <LanguageSwitch action={setLocale} />
      </div>
    </header>
  );
}
