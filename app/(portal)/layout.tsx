import type { ReactNode } from 'react';
import { signOutAction } from '@/app/actions/auth';
import { setLocaleAction } from '@/app/actions/locale';
import { AppHeader } from '@/components/layout/app-header';
import { SkipLink } from '@/components/layout/skip-link';
import { requirePageActor } from '@/lib/auth/session';

/** Every signed-in page: the header and the main landmark. Role checks are per page. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <SkipLink />
      <AppHeader actor={actor} actions={{ setLocale: setLocaleAction, signOut: signOutAction }} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
    </>
  );
}
