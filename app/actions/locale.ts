'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/config';
import { setUserLocale } from '@/lib/users/preferences';

const input = z.object({ locale: z.enum(locales) });

/**
 * The language switch: the cookie decides the pages' language; a signed-in user's choice is
 * also saved so that e-mails to them follow it.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
    httpOnly: false,
  });
  const actor = await currentActor();
  if (actor.kind === 'user' && actor.locale !== locale) await setUserLocale(await getDb(), actor, locale);
}
