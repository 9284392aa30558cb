import { signOutAction } from '@/app/actions/auth';
import { setLocaleAction } from '@/app/actions/locale';
import { PublicHeader } from '@/components/customer/public-header';
import { AppHeader } from '@/components/layout/app-header';
import { NotFoundMessage } from '@/components/layout/not-found-message';
import { SkipLink } from '@/components/layout/skip-link';
import { currentActor } from '@/lib/auth/session';

/**
 * An address no route knows: the page a signed-in person or a visitor knows from everywhere
 * else — header, navigation, language switch and the main landmark — around the message.
 * (A page inside the portal that finds nothing answers with app/(portal)/not-found.tsx, within
 * the portal's own layout.)
 */
export default async function NotFound() {
  const actor = await currentActor();
  return (
    <>
      <SkipLink />
      {actor.kind === 'user' ? (
        <AppHeader actor={actor} actions={{ setLocale: setLocaleAction, signOut: signOutAction }} />
      ) : (
        <PublicHeader setLocale={setLocaleAction} />
      )}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        <NotFoundMessage />
      </main>
    </>
  );
}
