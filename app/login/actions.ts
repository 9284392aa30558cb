'use server';

import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { signIn } from '@/lib/auth';
import { credentialsSchema } from '@/lib/auth/credentials';
import type { SignInThrottled } from '@/lib/auth/sign-in-error';
import { landingPathFor, safeCallbackPath } from '@/lib/auth/landing';

export interface SignInState {
  error?: 'missing' | 'invalid' | 'unavailable' | 'throttled';
  /** With `throttled`: when the next attempt will be looked at. */
  retryAfterMinutes?: number;
  /** Echoed back so the form keeps what was typed (never the password). */
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const parsed = credentialsSchema.safeParse({ email, password: formData.get('password') });
  if (!parsed.success) return { error: 'missing', email };

  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const wait = (error as Partial<SignInThrottled>).retryAfterSeconds;
      if (typeof wait === 'number') return { error: 'throttled', retryAfterMinutes: Math.ceil(wait / 60), email };
      return { error: error.type === 'CredentialsSignin' ? 'invalid' : 'unavailable', email };
    }
    throw error;
  }

  // Signed in: the account exists and is active. Go back where the visitor came from, or to
  // the role's start page.
  const [user] = await (await getDb())
    .select({ role: users.role })
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email));
  redirect(safeCallbackPath(formData.get('callbackUrl')) ?? landingPathFor(user?.role ?? 'staff'));
}
