import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { landingPathFor } from '@/lib/auth/landing';
import type { UserActor } from '@/lib/authz';
import type { FormAction } from '@/lib/forms/action-result';
import type { WorkQueueCounts } from '@/lib/work-queue/counts';
import { LanguageSwitch } from './language-switch';
import { MobileMenu } from './mobile-menu';
import { navItemsFor, type NavItem } from './nav-items';
import { NavLinks, type NavBadges } from './nav-links';
import { SignOutButton } from './sign-out-button';

export interface HeaderActions {
  setLocale: FormAction;
  signOut: () => Promise<void>;
}

/**
 * The portal header: product name, the role's navigation, the language switch and the user.
 * Links where work waits carry its count (lib/work-queue/counts.ts).
 * From the `md` breakpoint the links sit in the header; below it they fold into a menu. The
 * layout gives the actions behind the language switch and sign-out.
 */
export function AppHeader({ actor, actions, counts = {} }: { actor: UserActor; actions: HeaderActions; counts?: WorkQueueCounts }) {
  const t = useTranslations();
  const items = navItemsFor(actor.role, actor);
  const labels = Object.fromEntries(items.map((item) => [item.label, t(`nav.${item.label}`)])) as Record<NavItem['label'], string>;
  const badges: NavBadges = Object.fromEntries(
    Object.entries(counts).map(([label, count]) => [label, { count, text: t('nav.waiting', { count }) }]),
  );
  const who = (
    <p className="flex min-w-0 flex-col text-sm leading-tight">
      <span className="truncate font-medium text-slate-900">{actor.name}</span>
      <span className="truncate text-xs text-slate-600">{t(`role.${actor.role}`)}</span>
    </p>
  );

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="relative mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
        <Link
          href={landingPathFor(actor.role)}
          className="flex min-w-0 items-center gap-2 rounded-md text-base font-semibold text-slate-900 sm:text-lg"
        >
          <BrandMark />
          <span className="truncate">{t('common.appName')}</span>
        </Link>
        <div className="flex-1" />
        <LanguageSwitch action={actions.setLocale} />
        <div className="hidden items-center gap-3 md:flex">
          {who}
          <SignOutButton action={actions.signOut} />
        </div>
        <MobileMenu
          items={items}
          labels={labels}
          badges={badges}
          navLabel={t('nav.label')}
          openLabel={t('common.openMenu')}
          closeLabel={t('common.closeMenu')}
        >
          <div className="flex flex-col gap-3">
            {who}
            <SignOutButton action={actions.signOut} fullWidth />
          </div>
        </MobileMenu>
      </div>
      <nav aria-label={t('nav.label')} className="mx-auto hidden max-w-6xl px-3 pb-2 md:block">
        <NavLinks items={items} labels={labels} badges={badges} orientation="horizontal" />
      </nav>
    </header>
  );
}

function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden focusable="false">
      <rect width="32" height="32" rx="6" fill="#1d4ed8" />
      <rect x="7" y="9" width="18" height="16" rx="2" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M7 14h18M12 6v5M20 6v5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
