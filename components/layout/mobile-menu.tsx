'use client';

import { MenuIcon, XIcon } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { NavItem } from './nav-items';
import { NavLinks, type NavBadges } from './nav-links';

/**
 * The phone menu: a disclosure button that shows the navigation under the header. It closes
 * on Escape (focus goes back to the button), when a link is followed, and after any navigation.
 */
export function MobileMenu({
  items,
  labels,
  badges,
  navLabel,
  openLabel,
  closeLabel,
  children,
}: {
  items: NavItem[];
  labels: Record<NavItem['label'], string>;
  badges?: NavBadges;
  navLabel: string;
  openLabel: string;
  closeLabel: string;
  /** Shown under the links: who is signed in, sign out. */
  children: ReactNode;
}) {
  const pathname = usePathname();
  // Remember on which page the menu was opened: after a navigation it is closed again.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="md:hidden">
      <Button
        ref={toggle}
        variant="ghost"
        size="icon"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={open ? closeLabel : openLabel}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? <XIcon className="size-5" aria-hidden /> : <MenuIcon className="size-5" aria-hidden />}
      </Button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-slate-200 bg-white px-4 pt-2 pb-4 shadow-lg"
      >
        <nav aria-label={navLabel}>
          <NavLinks items={items} labels={labels} badges={badges} orientation="vertical" onNavigate={() => setOpenOn(null)} />
        </nav>
        <div className="mt-3 border-t border-slate-200 pt-3">{children}</div>
      </div>
    </div>
  );
}
