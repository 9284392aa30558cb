/**
 * What the request's session cookie says, decrypted in place: the same cookie names, salt and
 * secret as Auth.js, whose `auth()` would otherwise run its whole session endpoint for every
 * page, action and API call — a Request built, a CSRF token made, the token decrypted and then
 * encrypted again with a later expiry for a cookie that a page or route handler cannot send
 * back, so it was thrown away. Signing in and out stay Auth.js's (lib/auth/index.ts).
 */
import { getToken, type JWT } from 'next-auth/jwt';
import { SESSION_COOKIES } from './portal-paths';

/**
 * The token in `cookieHeader`, or null when there is none or it does not decrypt, has expired
 * or was made for the other cookie name (each name is its own salt). The `__Secure-` name is
 * the one Auth.js sets over HTTPS, and a browser accepts it from a secure origin only.
 */
export async function decodeSessionCookie(cookieHeader: string | null, secret: string): Promise<JWT | null> {
  if (!cookieHeader) return null;
  const secureCookie = cookieHeader.includes(`${SESSION_COOKIES[1]}`);
  // Only the cookie is handed over: getToken would also take a bearer token from an
  // Authorization header, which is not how this app's sessions travel.
  return getToken({ req: { headers: { cookie: cookieHeader } }, secret, secureCookie });
}
