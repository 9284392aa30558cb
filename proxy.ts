/**
 * Coarse redirect only: a portal page requested without a session cookie goes to the sign-in
 * page. It never reads the database or verifies the cookie — pages, actions and route handlers
 * do the real check through lib/auth/session.ts and the domain functions.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl, REQUEST_PATH_HEADER, SESSION_COOKIES } from '@/lib/auth/portal-paths';
import { linkPageStatus } from '@/lib/http/link-status';

export async function proxy(request: NextRequest) {
  const link = await linkPageStatus(request);
  if (link) return link;
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(loginUrl(path), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

// The signed-in portal, and the e-mail link pages for their status only. Other public pages
// (the customer booking page, /login, /api) are not listed and pass untouched.
export const config = {
  matcher: ['/', '/bookings/:path*', '/calendar/:path*', '/desk/:path*', '/admin/:path*', '/r/:token', '/m/:token'],
};
