/**
 * The signed-in person for the current request. Every server action, page and route handler
 * calls `currentActor()` and passes the result to the domain functions, which authorize.
 */
import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/db';
import type { UserRole } from '@/db/schema';
import { ANONYMOUS, type Actor, type UserActor } from '@/lib/authz';
import { authSecret } from '@/lib/env';
import { actorForSession } from './actor';
import { sessionVersionOf } from './config';
import { auth } from './index';
import { loginUrl, REQUEST_PATH_HEADER } from './portal-paths';

/** Reads the session cookie and reloads the user (cached for the rest of the request). */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (!session?.user?.id) return ANONYMOUS;
  return actorForSession(await getDb(), { userId: session.user.id, sessionVersion: session.user.sessionVersion });
});

/**
 * The signed-in person of an API route called with the session cookie: `currentActor` without
 * renewing the cookie. `auth()` re-encrypts and re-issues the cookie on every call (a key
 * derived, a content key drawn, encryption and MAC, through an internal Request and Response):
 * a quarter of the CPU of an API write. Pages renew it; an API call need not. The cookie is
 * read as Auth.js names it (with the `__Secure-` prefix over HTTPS).
 */
export async function apiSessionActor(req: Request): Promise<Actor> {
  const secret = authSecret();
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (!token) continue;
    if (!token.sub) return ANONYMOUS;
    return actorForSession(await getDb(), { userId: token.sub, sessionVersion: sessionVersionOf(token) });
  }
  return ANONYMOUS;
}

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
