/**
 * The one way to write a server action: resolve who acts, parse the input with a zod schema,
 * call the domain function, and answer with an `ActionResult` (lib/forms/action-result.ts) —
 * success or refusal, never an exception. A refusal (not signed in, forbidden, not found, bad
 * input, a taken slot…) is the domain error mapped exactly as the JSON API maps it
 * (lib/api/errors.ts): the code, the message and the field messages in the user's language,
 * alternatives and message parameters. Anything unexpected is logged and answered with a
 * generic message.
 *
 * Writing an action, in an `actions.ts` that starts with 'use server':
 *
 *   export const cancelAction = serverAction({
 *     // What the form or the caller sends. FormData arrives as an object of its fields
 *     // (a repeated name becomes an array); `formCheckbox()` reads a checkbox.
 *     input: z.object({ bookingId: z.string(), reason: z.string() }),
 *     // The domain function authorizes and decides; return only what the page needs.
 *     run: async ({ db, actor }, { bookingId, reason }) => {
 *       await cancelBooking(db, actor, { bookingId, reason });
 *     },
 *     // Optional: a confirmation in the user's language (a full message path).
 *     message: (t) => t('booking.detail.notice.cancelled'),
 *     // Optional, after a success only: revalidate pages, redirect.
 *     after: (_data, { bookingId }) => revalidatePath(`/bookings/${bookingId}`),
 *   });
 *
 * `access: 'public'` (the public booking page, e-mail link pages) acts as an anonymous visitor
 * without reading the session; the default requires a signed-in user (`unauthenticated`
 * otherwise) and the domain function checks the role and ownership again; `optional` takes the
 * signed-in user when there is one (the language switch).
 *
 * Calling it: `useActionState(cancelAction, null)` for a plain form (works before JavaScript
 * loads; a refusal echoes the typed `values`), or `await cancelAction(input)` from a
 * react-hook-form submit. A form may send `pageLocale` (a hidden field) when the page is shown in
 * another language than the visitor's cookie says (the e-mail link pages).
 *
 * Tests call `someAction.invoke({ db, actor, locale }, input)`: the same code without a request.
 */
import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import { toErrorResponse } from '@/lib/api/errors';
import { ANONYMOUS, requireUser, type Actor } from '@/lib/authz';
import { parseInput } from '@/lib/booking/schemas';
import { defaultLocale, isLocale, type AppLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { currentLocale } from '@/lib/i18n/server';
import type { ActionFailure, ActionResult, ActionSuccess } from './action-result';

export type { ActionResult } from './action-result';

export interface ActionContext {
  db: Db;
  actor: Actor;
  /** The language of the answer's messages. */
  locale: AppLocale;
  /** The request's headers (the client's address for a rate limit). */
  headers: Headers;
}

/** A message by its full path (`namespace.key`), in the action's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * `user` (default): a signed-in user, else `unauthenticated`. `public`: an anonymous visitor;
 * the session is not read. `optional`: the signed-in user if there is one, else anonymous.
 */
export type ActionAccess = 'user' | 'public' | 'optional';

export interface ActionSpec<S extends z.ZodType, T> {
  access?: ActionAccess;
  input: S;
  run: (ctx: ActionContext, input: z.output<S>) => Promise<T>;
  message?: (t: Translate, data: T) => string;
  after?: (data: T, input: z.output<S>) => void | Promise<void>;
}

/**
 * What a client sends: a plain form's FormData, or the values of a react-hook-form form. Any
 * object is accepted: the input schema is the check, on the server.
 */
export type ActionInput = FormData | Record<string, unknown>;

/**
 * The action as the client sees it: called with its input, or by `useActionState` with the
 * previous result first. On the server (tests, other server code) `invoke` runs it with a given
 * context and without `after`; clients only ever hold a reference to the action itself.
 */
export interface ServerAction<T> {
  (input: ActionInput): Promise<ActionResult<T>>;
  (previous: ActionResult<T> | null, input: ActionInput): Promise<ActionResult<T>>;
  invoke: (ctx: ActionContext, input: ActionInput) => Promise<ActionResult<T>>;
}

/** A checkbox of a plain form: 'on' when ticked, absent otherwise (JSON callers send booleans). */
export const formCheckbox = () => z.preprocess((value) => value === true || value === 'on', z.boolean());

/** A field that may repeat (checkboxes of one name): always an array. */
export const formList = <S extends z.ZodType>(item: S) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export function serverAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): ServerAction<T> {
  const action = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const raw = args.length > 1 ? args[1] : args[0];
    let ctx: ActionContext;
    try {
      ctx = await requestContext(spec.access ?? 'user', raw);
    } catch (error) {
      unstable_rethrow(error);
      return failure(error, defaultLocale, typedValues(raw));
    }
    const outcome = await execute(spec, ctx, raw);
    // Outside the error mapping: a redirect here is Next's own control flow, not a refusal.
    if ('input' in outcome) await spec.after?.(outcome.result.data, outcome.input);
    return outcome.result;
  };
  const invoke = async (ctx: ActionContext, raw: ActionInput) => (await execute(spec, ctx, raw)).result;
  return Object.assign(action, { invoke }) as ServerAction<T>;
}

async function execute<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  ctx: ActionContext,
  raw: unknown,
): Promise<{ result: ActionSuccess<T>; input: z.output<S> } | { result: ActionFailure }> {
  try {
    if ((spec.access ?? 'user') === 'user') requireUser(ctx.actor);
    const input = parseInput(spec.input, raw instanceof FormData ? formObject(raw) : raw);
    const data = await spec.run(ctx, input);
    const message = spec.message?.(translate(ctx.locale), data);
    return { result: { ok: true, data, ...(message !== undefined && { message }) }, input };
  } catch (error) {
    unstable_rethrow(error);
    return { result: failure(error, ctx.locale, typedValues(raw)) };
  }
}

async function requestContext(access: ActionAccess, raw: unknown): Promise<ActionContext> {
  const [db, locale, requestHeaders] = await Promise.all([getDb(), pageLocale(raw) ?? requestLocale(), headersOrNone()]);
  if (access === 'public') return { db, actor: ANONYMOUS, locale, headers: requestHeaders };
  // Loaded only for actions that read the session: public ones never touch it.
  const { currentActor } = await import('@/lib/auth/session');
  return { db, actor: await currentActor(), locale, headers: requestHeaders };
}

function pageLocale(raw: unknown): AppLocale | undefined {
  const value = raw instanceof FormData ? raw.get('pageLocale') : undefined;
  return isLocale(value) ? value : undefined;
}

// Outside a request (a test, a script): the default language and no headers.
async function requestLocale(): Promise<AppLocale> {
  try {
    return await currentLocale();
  } catch {
    return defaultLocale;
  }
}

async function headersOrNone(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

/** The refusal, mapped as the JSON API maps it. */
function failure(error: unknown, locale: AppLocale, values?: Record<string, string>): ActionFailure {
  const { code, message, fields, alternatives, params } = toErrorResponse(error, locale, (e) =>
    console.error('[action] unexpected error', e),
  ).body.error;
  return {
    ok: false,
    code,
    message,
    ...(fields && { fieldErrors: fields }),
    ...(alternatives && { alternatives }),
    ...(params && { params }),
    ...(values && { values }),
  };
}

/** Next's own fields (`$ACTION_…`) are not the form's. */
const isFormField = (name: string) => !name.startsWith('$');

/** A form's fields as an object: one value as itself, a repeated name as an array. */
function formObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(form.keys())) {
    if (!isFormField(name)) continue;
    const all = form.getAll(name);
    fields[name] = all.length === 1 ? all[0] : all;
  }
  return fields;
}

/** What was typed (text fields; repeated names joined by commas), to show the form again. */
function typedValues(raw: unknown): Record<string, string> | undefined {
  if (!(raw instanceof FormData)) return undefined;
  const values: Record<string, string> = {};
  for (const name of new Set(raw.keys())) {
    const texts = raw.getAll(name).filter((v): v is string => typeof v === 'string');
    if (isFormField(name) && texts.length > 0) values[name] = texts.join(',');
  }
  return values;
}

function translate(locale: AppLocale): Translate {
  // The keys are chosen by each action at run time: typed key checking cannot apply.
  return translator(locale) as unknown as Translate;
}
