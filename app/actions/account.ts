'use server';

/**
 * A person's own account: setting a password from an e-mailed link (no session; the token is the
 * key) and changing it when signed in. Both end every session of the account, so the person signs
 * in again with the new password.
 */
import { z } from 'zod';
import { redirect } from 'next/navigation';
import { serverAction } from '@/lib/forms/server-action';
import { changeOwnPassword } from '@/lib/users/own-password';
import { setPasswordByLink } from '@/lib/users/password-link';

const text = () => z.string().default('');

export const setPasswordByLinkAction = serverAction({
  access: 'public',
  input: z.object({ token: text(), password: text(), confirm: text() }),
  run: async ({ db }, { token, ...pair }) => {
    await setPasswordByLink(db, token, pair);
  },
  message: (t) => t('people.password.done'),
});

export const changeOwnPasswordAction = serverAction({
  input: z.object({ current: text(), password: text(), confirm: text() }),
  run: async ({ db, actor }, input) => {
    await changeOwnPassword(db, actor, input);
  },
  // The session already ended with the change (lib/users/sessions.ts): sign in again.
  after: () => redirect('/login'),
});
