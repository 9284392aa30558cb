import { signOutAction } from '@/app/actions/auth';
import { setLocaleAction } from '@/app/actions/locale';
import { PublicHeader } from '@/components/customer/public-header';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { AppHeader } from '@/components/layout/app-header';
import { NotFoundMessage } from '@/components/layout/not-found-message';
import { SkipLink } from '@/components/layout/skip-link';
import { currentActor } from '@/lib/auth/session';
import { PUBLIC_CLIENT_NAMESPACES } from '@/lib/i18n/client-messages';

/**
 * An address no route knows: the page a signed-in person or a visitor knows from everywhere
 * else — header, navigation, language switch and the main landmark — around the message.
 * (A page inside the portal that finds nothing answers with app/(portal)/not-found.tsx, within
 * the portal's own layout.)
 */
export default async function NotFound() {
  const actor = await currentActor();
  return (
    <MessagesProvider only={actor.kind === 'user' ? undefined : PUBLIC_CLIENT_NAMESPACES}>
      <SkipLink />
      {actor.kind === 'user' ? (
        <AppHeader actor={actor} actions={{ setLocale: setLocaleAction, signOut: signOutAction }} />
      ) : (
        <PublicHeader setLocale={setLocaleAction} />
      )}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        <NotFoundMessage />
      </main>
    </MessagesProvider>
  );
}
