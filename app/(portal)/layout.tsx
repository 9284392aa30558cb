import type { ReactNode } from 'react';
import { signOutAction } from '@/app/actions/auth';
import { setLocaleAction } from '@/app/actions/locale';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { AppHeader } from '@/components/layout/app-header';
import { SkipLink } from '@/components/layout/skip-link';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { workQueueCounts } from '@/lib/work-queue/counts';

/** Every signed-in page: the header (with the counts of waiting work) and the main landmark. Role checks are per page. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const counts = await workQueueCounts(await getDb(), actor);
  return (
    <MessagesProvider>
      <SkipLink />
      <AppHeader actor={actor} counts={counts} actions={{ setLocale: setLocaleAction, signOut: signOutAction }} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
    </MessagesProvider>
  );
}
