/**
 * The edge of every /api/v1 route: resolves who calls (an API token or the session cookie) and in which
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
import { resolveApiToken } from '@/lib/api-access/tokens';
import { DomainError } from '@/lib/errors';
import { readJsonBody } from './body';
import { HttpError, toErrorResponse } from './errors';
import { claimIdempotencyKey, idempotencyKey } from './idempotency';
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
   * `user` (default): a signed-in user (session cookie or API token), else 401 before anything
   * else happens — the domain functions check roles and ownership again. A state-changing
   * request on the session cookie must come from the app's own origin (lib/api/same-origin.ts);
   * one with a bearer token needs the token's `write` scope. A POST may carry an
   * `Idempotency-Key` (lib/api/idempotency.ts). `public`: anyone, as an anonymous actor (the
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
    const fail = (error: unknown) => {
      const { status, body, headers } = toErrorResponse(error, locale, (e) =>
        console.error(`[api] ${req.method} ${new URL(req.url).pathname} failed:`, e),
      );
      return Response.json(body, { status, headers });
    };
    try {
      const changes = isStateChanging(req.method);
      const db = await getDb();
      const actor = access === 'public' ? ANONYMOUS : await callerOf(db, req, changes);
      locale = apiLocale(actor, req.headers, searchParams);
      if (access === 'user') requireUser(actor);
      const key = changes && req.method === 'POST' && actor.kind === 'user' ? idempotencyKey(req) : null;
      // Every state-changing request is JSON, read before the route runs, so a route that
      // takes no fields (confirm) refuses an empty or form-encoded body as well.
      const json = changes ? await readJsonBody(req, options.maxBodyBytes) : undefined;
      const claim = key !== null && actor.kind === 'user' ? await claimIdempotencyKey(db, actor.id, key, req, json) : null;
      if (claim instanceof Response) return privateResponse(claim);
      const ctx: ApiContext<P> = {
        req,
        // Routes without dynamic segments are called without a route context.
        params: ((await route?.params) ?? {}) as P,
        actor,
        locale,
        db,
        json,
        body: async (schema) => parseInput(schema, json === undefined ? await readJsonBody(req) : json),
        query: (schema) => parseInput(schema, queryObject(searchParams)),
      };
      const response = await handler(ctx).catch(fail);
      return privateResponse(claim ? await claim.finish(response) : response);
    } catch (error) {
      return privateResponse(fail(error));
    }
  };
}

/**
 * A method a route does not offer, answered 405 with `Allow` before anything is read or
 * written (Next answers 405 for a method a route does not export; this makes it explicit
 * where refusing is the point, e.g. the append-only audit log).
 */
export function methodNotAllowed(allow: string): (req: Request) => Promise<Response> {
  return async (req) => {
    const locale = apiLocale(ANONYMOUS, req.headers, new URL(req.url).searchParams);
    const { status, body } = toErrorResponse(new HttpError('method_not_allowed'), locale);
    return privateResponse(Response.json(body, { status, headers: { Allow: allow } }));
  };
}

/**
 * Who calls a signed-in route: the owner of a bearer token (lib/api-access/tokens.ts), within
 * its scopes, or the holder of the session cookie. A token request carries no ambient
 * credential a foreign page could borrow, so only cookie requests must come from our origin —
 * checked before the cookie is read, so a forged request learns nothing and changes nothing.
 */
async function callerOf(db: Db, req: Request, changes: boolean): Promise<Actor> {
  const authorization = req.headers.get('authorization');
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) throw new DomainError('unauthenticated');
    const caller = await resolveApiToken(db, token);
    if (changes && !caller.scopes.includes('write')) throw new HttpError('scope_missing');
    return caller.actor;
  }
  if (changes) assertSameOrigin(req);
  return sessionActor(req);
}

/**
 * Public routes act for an anonymous customer whoever calls, so they never read the session:
 * Auth.js is loaded only for signed-in routes, and public route handlers can be called in
 * tests without a request scope or the Next runtime.
 */
async function sessionActor(req: Request): Promise<Actor> {
  const { apiSessionActor } = await import('@/lib/auth/session');
  return apiSessionActor(req);
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
