/**
 * The security headers of every page, set by proxy.ts (Edge-safe: no Node APIs, no database).
 *
 * - Content-Security-Policy with a fresh nonce per request for scripts (`'strict-dynamic'`: the
 *   scripts Next.js renders carry the nonce, and what they load is trusted through them); no
 *   plugins, no <base>, forms only to this site, and `frame-ancestors 'none'` so no page (the
 *   one-click link pages least of all) can be framed. Styles may be inline: React's style
 *   attributes and the styles FullCalendar injects at run time need it, and a style cannot run
 *   code.
 * - X-Content-Type-Options: nosniff and X-Frame-Options: DENY (for browsers without CSP 3).
 * - Referrer-Policy: no-referrer on the e-mail link pages, whose URL carries the token;
 *   strict-origin-when-cross-origin elsewhere.
 * - Strict-Transport-Security only when the app is served over https (APP_URL's scheme): over
 *   plain http it would mean nothing, and on a development machine it would stick.
 */

const LINK_PAGE = /^\/(?:r|m|s)\//;

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; the production build does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The response headers of a page at `pathname`. */
export function securityHeaders(pathname: string, csp: string, { https = false } = {}): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': LINK_PAGE.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    ...(https && { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
  };
}

/**
 * A form on a link page is posted with `Origin: null`, because the page sends no referrer. The
 * browser's own `Sec-Fetch-Site: same-origin` (which no page can forge) says the post came from
 * this site, so the proxy names the site as its origin for Next.js's server-action check; any
 * other `null`-origin post stays refused there.
 */
export function linkPageOrigin(request: Request, appOrigin: string): string | undefined {
  if (request.method !== 'POST' || !LINK_PAGE.test(new URL(request.url).pathname)) return undefined;
  const sameOrigin = request.headers.get('origin') === 'null' && request.headers.get('sec-fetch-site') === 'same-origin';
  return sameOrigin ? appOrigin : undefined;
}
