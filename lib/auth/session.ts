/**
 * The signed-in person for the current request. Every server action, page and route handler
 * calls `currentActor()` and passes the result to the domain functions, which authorize.
 */
import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import type { UserRole } from '@/db/schema';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';
import { authSecret } from '@/lib/env';
import { actorForSession } from './actor';
import { sessionVersionOf } from './config';
import { loginUrl, REQUEST_PATH_HEADER } from './portal-paths';
import { decodeSessionCookie } from './session-cookie';

/** The request's session token, decrypted once a request (the locale reads it too). */
export const sessionToken = cache(async () => decodeSessionCookie((await headers()).get('cookie'), authSecret()));

/** Reads the session cookie and reloads the user (cached for the rest of the request). */
export const currentActor = cache(async (): Promise<Actor> => {
  const token = await sessionToken();
  if (!token?.sub) return ANONYMOUS;
  return actorForSession(await getDb(), { userId: token.sub, sessionVersion: sessionVersionOf(token) });
});

/**
 * For pages: a signed-out visitor goes to the sign-in page (and comes back afterwards); a
 * signed-in user of another role gets "not found", which reveals nothing about the page.
 * This is a convenience for navigation — the domain functions the page calls check again.
 */
export async function requirePageActor(...roles: UserRole[]): Promise<UserActor> {
  const actor = await currentActor();
  if (actor.kind !== 'user') {
    const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
    redirect(loginUrl(path));
  }
  if (roles.length > 0 && !roles.includes(actor.role)) notFound();
  return actor;
}
