import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { Toaster } from '@/components/ui/toast';
import { localeTags } from '@/lib/i18n/config';
import { currentLocale } from '@/lib/i18n/server';
import './globals.css';

// Every page depends on the signed-in user, the language cookie and the database: render per
// request, so `next build` never opens the database.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: t('appTagline'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4ed8' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  return (
    <html lang={localeTags[locale]}>
      <body className="min-h-dvh font-sans">
        {/* Each part of the app gives its client components their messages (lib/i18n/client-messages.ts). */}
        {children}
        <MessagesProvider only={['common']}>
          <Toaster />
        </MessagesProvider>
      </body>
    </html>
  );
}
