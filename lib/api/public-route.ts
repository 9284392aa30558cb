/**
 * The edge of the public routes (/api/v1/public/*): anyone may call, so no session is read —
 * the answer never depends on who is signed in, and a customer-facing call costs no session
 * look-up. Language: `?locale=zh|en`, else the language switch cookie, else Accept-Language,
 * else 简体中文. Errors take the API's one shape (lib/api/errors.ts), bodies are read by
 * lib/api/body.ts, so the public and signed-in APIs answer alike.
 */
import { getDb, type Db } from '@/db';
import { ANONYMOUS } from '@/lib/authz';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { toErrorResponse } from './errors';
import { apiLocale } from './locale';

export interface PublicApiContext {
  req: Request;
  db: Db;
  locale: AppLocale;
  /** The query string, empty values left out. */
  query: Record<string, string>;
}

export function publicApiRoute(
  handler: (ctx: PublicApiContext) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const url = new URL(req.url);
    const asked = url.searchParams.get('locale');
    const locale = isLocale(asked) ? asked : apiLocale(ANONYMOUS, req.headers);
    let response: Response;
    try {
      const query = Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== ''));
      response = await handler({ req, db: await getDb(), locale, query });
    } catch (error) {
      const { status, body, headers } = toErrorResponse(error, locale, (e) =>
        console.error(`[api] ${req.method} ${url.pathname} failed:`, e),
      );
      response = Response.json(body, { status, headers });
    }
    // Free/busy and results change from one moment to the next: never from a cache.
    if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
    return response;
  };
}
