/**
 * Shared by proxy.ts and the pages. Nothing here may touch the database: the proxy runs before
 * every portal request.
 */

/** Auth.js session cookie names (the `__Secure-` one is used over HTTPS). */
export const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

/** The proxy passes the requested path and query to pages so a sign-in can return there. */
export const REQUEST_PATH_HEADER = 'x-request-path';

/** Where the sign-in page sends someone back to after signing in. */
export function loginUrl(callbackPath: string): string {
  return callbackPath && callbackPath !== '/' ? `/login?callbackUrl=${encodeURIComponent(callbackPath)}` : '/login';
}
