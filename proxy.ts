/**
 * Runs before every page: sends the security headers (lib/http/security-headers.ts) with a fresh
 * script nonce, gives the e-mail link pages their status line (lib/http/link-status.ts), and
 * sends a portal page requested without a session cookie to the sign-in page. The redirect is
 * coarse: it never reads the database or verifies the cookie — pages, actions and route
 * handlers do the real check through lib/auth/session.ts and the domain functions.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrl, REQUEST_PATH_HEADER, SESSION_COOKIES } from '@/lib/auth/portal-paths';
import { linkPageStatus } from '@/lib/http/link-status';
import { contentSecurityPolicy, linkPageOrigin, newNonce, securityHeaders } from '@/lib/http/security-headers';

const PORTAL = /^\/(?:$|bookings(?:\/|$)|calendar(?:\/|$)|desk(?:\/|$)|admin(?:\/|$))/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const appOrigin = new URL(process.env.APP_URL?.trim() || request.nextUrl.origin).origin;
  const https = appOrigin.startsWith('https:');
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });

  const headers = new Headers(request.headers);
  // Next.js finds the nonce in the request's CSP header and puts it on the scripts it renders.
  headers.set('Content-Security-Policy', csp);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  const origin = linkPageOrigin(request, appOrigin);
  if (origin) headers.set('origin', origin);

  const response =
    (await linkPageStatus(request, { request: { headers } })) ??
    (PORTAL.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))
      ? NextResponse.redirect(new URL(loginUrl(`${pathname}${search}`), request.url))
      : NextResponse.next({ request: { headers } }));
  for (const [name, value] of Object.entries(securityHeaders(pathname, csp, { https }))) response.headers.set(name, value);
  return response;
}

// Every page; not the API, Next.js's static files or the icon.
export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
