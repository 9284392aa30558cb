/** Where people go after signing in. */
import type { UserRole } from '@/db/schema';

/** Admin starts in the admin overview, customer service at the service desk, staff on the home page. */
const LANDING: Record<UserRole, string> = { admin: '/admin', customer_service: '/desk', staff: '/' };

export function landingPathFor(role: UserRole): string {
  return LANDING[role];
}

/** Longer than any path of the product with its query; a longer value is not ours. */
const MAX_CALLBACK_LENGTH = 2048;
/** The characters a plain, already percent-encoded path and query may hold: printable ASCII
 * without space, backslash, quotes, angle brackets, braces, pipe, caret and backtick. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/?%#]*$/;
/** Whitespace (U+3000 included), control and format characters, and the backslash that
 * browsers read as a slash. */
const UNSAFE_CHARACTER = /[\s\p{C}\\]/u;
/** Enough to unwrap double- and triple-encoded forms; deeper nesting is refused outright. */
const MAX_DECODE_ROUNDS = 4;

/**
 * A `callbackUrl` is followed only when it is a plain path on this site; anything else is
 * `undefined` and the caller sends the user to their landing page. Browsers forgive a lot in a
 * Location header — a tab, CR or LF is dropped (`/\t/evil.example` is `//evil.example`), a
 * backslash is a slash, and a redirect with a control character makes the server fail — so
 * the value must be plain ASCII path characters, and its path must stay a single-slash path
 * with no such characters however many times it is percent-decoded.
 */
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_CALLBACK_LENGTH || !PLAIN_PATH.test(value)) return undefined;
  let path = value.split(/[?#]/, 1)[0];
  for (let round = 0; ; round++) {
    if (path.startsWith('//') || UNSAFE_CHARACTER.test(path)) return undefined;
    const decoded = decodeOnce(path);
    if (decoded === undefined) return undefined;
    if (decoded === path) break;
    if (round === MAX_DECODE_ROUNDS) return undefined;
    path = decoded;
  }
  if (path === '/login' || path.startsWith('/api/')) return undefined;
  return value;
}

function decodeOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Auth.js's `redirect` callback (its own sign-in and sign-out endpoints): the same rule as the
 * sign-in page, for a path or a URL on this site's origin; anything else goes home.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  let candidate: string | undefined = url;
  if (!url.startsWith('/')) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    candidate = parsed?.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : undefined;
  }
  // Signing out goes to the sign-in page, which a callback after signing in never may.
  if (candidate === '/login') return `${origin}/login`;
  return `${origin}${safeCallbackPath(candidate) ?? '/'}`;
}
