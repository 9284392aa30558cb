/**
 * Coarse redirect only: a portal page requested without a session cookie goes to the sign-in
 * page. It never reads the database or verifies the cookie — pages, actions and route handlers
 * do the real check through lib/auth/session.ts and the domain functions.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl, REQUEST_PATH_HEADER, SESSION_COOKIES } from '@/lib/auth/portal-paths';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(loginUrl(path), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

// The signed-in portal. Public pages (the customer booking page, e-mail links, /login, /api)
// are not listed and pass untouched.
export const config = {
  matcher: ['/', '/bookings/:path*', '/calendar/:path*', '/desk/:path*', '/admin/:path*'],
};
