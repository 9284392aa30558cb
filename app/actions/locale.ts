'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/config';
import { serverAction } from '@/lib/forms/server-action';
import { setUserLocale } from '@/lib/users/preferences';

/**
 * The language switch: the cookie decides the pages' language; a signed-in user's choice is
 * also saved so that e-mails to them follow it. Setting the cookie re-renders the page.
 */
export const setLocaleAction = serverAction({
  access: 'optional',
  input: z.object({ locale: z.enum(locales) }),
  run: async ({ db, actor }, { locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: 365 * 24 * 60 * 60,
      sameSite: 'lax',
      httpOnly: false,
    });
    if (actor.kind === 'user' && actor.locale !== locale) await setUserLocale(db, actor, locale);
  },
});
