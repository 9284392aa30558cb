import type { ReactNode } from 'react';
import { setLocaleAction } from '@/app/actions/locale';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { SkipLink } from '@/components/layout/skip-link';
import { PUBLIC_CLIENT_NAMESPACES } from '@/lib/i18n/client-messages';
import { PublicHeader } from '@/components/customer/public-header';

/** Pages open to everyone (no account): their own header and the main landmark. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider only={PUBLIC_CLIENT_NAMESPACES}>
      <SkipLink />
      <PublicHeader setLocale={setLocaleAction} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
    </MessagesProvider>
  );
}
