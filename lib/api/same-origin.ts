/**
 * Cross-site request forgery at the JSON API's door. A state-changing request that rides on the
 * session cookie must come from the app's own pages: its `Origin` is APP_URL's origin, or —
 * when a browser sent no Origin — `Sec-Fetch-Site: same-origin`. A request with neither is not
 * from a browser page of ours; a program that signs in with the cookie sends its Origin too.
 * Together with the JSON-only rule (lib/api/body.ts) a form or script on another site cannot
 * act with a signed-in user's cookie.
 */
import { appUrl } from '@/lib/mail/config';
import { HttpError } from './errors';

/** Reads never change anything; every other method does. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * The origins the app's pages are served from: APP_URL's. Without APP_URL (a development
 * server) the request's own origin stands in, which a foreign page cannot choose either.
 */
function appOrigins(request: Request, env: NodeJS.ProcessEnv): string[] {
  return env.APP_URL?.trim() ? [new URL(appUrl(env)).origin] : [new URL(request.url).origin];
}

/** Throws 403 `cross_origin` unless the request comes from the app's own origin. */
export function assertSameOrigin(request: Request, env: NodeJS.ProcessEnv = process.env): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (appOrigins(request, env).includes(origin)) return;
    throw new HttpError('cross_origin');
  }
  if (request.headers.get('sec-fetch-site') === 'same-origin') return;
  throw new HttpError('cross_origin');
}
