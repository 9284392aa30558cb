import type { ReactNode } from 'react';
import { setLocaleAction } from '@/app/actions/locale';
import { SkipLink } from '@/components/layout/skip-link';
import { PublicHeader } from '@/components/customer/public-header';

/** Pages open to everyone (no account): their own header and the main landmark. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <PublicHeader setLocale={setLocaleAction} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
    </>
  );
}
