/**
 * The edge of every /api/v1 route: resolves who calls (the Auth.js session cookie) and in which
 * language, offers safe body and query parsing, and turns whatever the route throws into the
 * API's error shape (lib/api/errors.ts). Routes stay thin: parse → actor → the same domain
 * function the pages call.
 *
 *   export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) =>
 *     Response.json(await getSomething(db, actor, params.id)));
 */
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import { ANONYMOUS, requireUser, type Actor } from '@/lib/authz';
import { parseInput } from '@/lib/booking/schemas';
import type { AppLocale } from '@/lib/i18n/config';
import { readJsonBody } from './body';
import { toErrorResponse } from './errors';
import { apiLocale } from './locale';
import { assertSameOrigin, isStateChanging } from './same-origin';

export type RouteParams = Record<string, string>;

export interface ApiContext<P extends RouteParams> {
  req: Request;
  params: P;
  actor: Actor;
  locale: AppLocale;
  db: Db;
  /** The parsed JSON body of a state-changing request, unvalidated (for domain functions that parse it themselves). */
  json: unknown;
  /**
   * The JSON body validated by `schema` (400 malformed, 413 too large, 415 not JSON, 422 empty
   * or invalid). State-changing requests are read and checked before the route runs.
   */
  body<S extends z.ZodType>(schema: S): Promise<z.output<S>>;
  /** The query string validated by `schema`; empty values count as absent (422 when invalid). */
  query<S extends z.ZodType>(schema: S): z.output<S>;
}

export interface ApiRouteOptions {
  /**
   * `user` (default): a signed-in user, else 401 before anything else happens — the domain
   * functions check roles and ownership again. A state-changing request must come from the
   * app's own origin (lib/api/same-origin.ts), since it rides on the session cookie. `public`: anyone, as an anonymous actor (the
   * customer-facing routes; the session cookie is not read).
   */
  access?: 'user' | 'public';
  /** The largest body accepted (413 beyond); lib/api/body.ts's MAX_JSON_BYTES unless smaller. */
  maxBodyBytes?: number;
}

export function apiRoute<P extends RouteParams = RouteParams>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
  options: ApiRouteOptions = {},
): (req: Request, route?: { params: Promise<P> }) => Promise<Response> {
  const access = options.access ?? 'user';
  return async (req, route) => {
    const { searchParams } = new URL(req.url);
    let locale = apiLocale(ANONYMOUS, req.headers, searchParams);
    try {
      const changes = isStateChanging(req.method);
      // Before the cookie is read: a forged request learns nothing and changes nothing.
      if (changes && access === 'user') assertSameOrigin(req);
      const actor = access === 'public' ? ANONYMOUS : await sessionActor();
      locale = apiLocale(actor, req.headers, searchParams);
      if (access === 'user') requireUser(actor);
      // Every state-changing request is JSON, read before the route runs, so a route that
      // takes no fields (confirm) refuses an empty or form-encoded body as well.
      const json = changes ? await readJsonBody(req, options.maxBodyBytes) : undefined;
      const response = await handler({
        req,
        // Routes without dynamic segments are called without a route context.
        params: ((await route?.params) ?? {}) as P,
        actor,
        locale,
        db: await getDb(),
        json,
        body: async (schema) => parseInput(schema, json === undefined ? await readJsonBody(req) : json),
        query: (schema) => parseInput(schema, queryObject(searchParams)),
      });
      return privateResponse(response);
    } catch (error) {
      const { status, body, headers } = toErrorResponse(error, locale, (e) =>
        console.error(`[api] ${req.method} ${new URL(req.url).pathname} failed:`, e),
      );
      return privateResponse(Response.json(body, { status, headers }));
    }
  };
}

/**
 * Public routes act for an anonymous customer whoever calls, so they never read the session:
 * Auth.js is loaded only for signed-in routes, and public route handlers can be called in
 * tests without a request scope or the Next runtime.
 */
async function sessionActor(): Promise<Actor> {
  const { currentActor } = await import('@/lib/auth/session');
  return currentActor();
}

/** `locale` chooses the answer's language and is no filter of any route. */
function queryObject(searchParams: URLSearchParams): Record<string, string> {
  const entries = [...searchParams].filter(([key, value]) => key !== 'locale' && value.trim() !== '');
  return Object.fromEntries(entries);
}

/** Answers depend on the session: never stored by a shared cache. */
function privateResponse(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}
