/**
 * The JSON API's error answers: every failure of an /api/v1 route becomes
 * `{"error":{"code","message","fields"?,"alternatives"?,"params"?}}` with the HTTP status of its
 * code, the message in the caller's language. Pure functions of the thrown value and a locale,
 * so the mapping is tested without a server.
 */
import { z } from 'zod';
import { fieldErrors } from '@/lib/booking/schemas';
import { DomainError, ERROR_HTTP_STATUS, isDomainError, type ErrorCode } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { domainErrorMessage } from '@/lib/i18n/error-message';
import { loadMessages, translator } from '@/lib/i18n/messages';

/** Failures of the HTTP request itself, before any domain function runs. */
export const HTTP_ERROR_STATUS = {
  invalid_json: 400,
  cross_origin: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A bearer token without the `write` scope, on a request that changes state. */
  scope_missing: 403,
  /** `Idempotency-Key` (lib/api/idempotency.ts): malformed; still running; reused for another request. */
  idempotency_key_invalid: 422,
  idempotency_in_flight: 409,
  idempotency_mismatch: 422,
  /** A method the route does not offer (the audit log takes no writes). */
  method_not_allowed: 405,
  /** New hours or buffers that booked uses no longer fit, without `keepBookings`. */
  bookings_outside: 409,
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS;
export type ApiErrorCode = ErrorCode | HttpErrorCode | 'internal';

/** Every `error.code` the API answers with. */
export const API_ERROR_CODES = [
  ...(Object.keys(ERROR_HTTP_STATUS) as ErrorCode[]),
  ...(Object.keys(HTTP_ERROR_STATUS) as HttpErrorCode[]),
  'internal',
] as const satisfies readonly ApiErrorCode[];

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly code: HttpErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }

  get status(): number {
    return HTTP_ERROR_STATUS[this.code];
  }
}

export interface ApiAlternative {
  resourceId: string;
  startAt: string;
  endAt: string;
}

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Per field (dotted path; `_form` for the body as a whole): messages in the caller's language. */
    fields?: Record<string, string[]>;
    /** Free slots instead of the one asked for (a taken slot, a too-early start). */
    alternatives?: ApiAlternative[];
    /** The values named in the message, for programs (e.g. `earliest` for `lead_time`). */
    params?: Record<string, string | number>;
  };
}

export interface ApiErrorResponse {
  status: number;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

/**
 * Any thrown value → the answer. Domain errors keep their code and status; a zod error (input
 * that reached a schema outside the edge's own check) is a 422 too; anything else is a 500
 * whose details only go to `log`, never to the caller.
 */
export function toErrorResponse(
  error: unknown,
  locale: AppLocale,
  log: (error: unknown) => void = (e) => console.error('[api] unexpected error', e),
): ApiErrorResponse {
  if (error instanceof HttpError) {
    return answer(error.status, {
      code: error.code,
      message: apiMessage(locale, error.code, error.params),
    });
  }
  const known =
    error instanceof z.ZodError ? new DomainError('invalid_input', undefined, { fields: fieldErrors(error) }) : error;
  if (isDomainError(known)) {
    const { fields, alternatives, params, fieldParams } = known.details;
    const headers: Record<string, string> = {};
    if (typeof params?.retryAfterSeconds === 'number') headers['Retry-After'] = String(Math.ceil(params.retryAfterSeconds));
    return answer(
      ERROR_HTTP_STATUS[known.code],
      {
        code: known.code,
        message: domainErrorMessage(known, locale),
        ...(fields && { fields: localizeFields(fields, locale, (field) => ({ ...params, ...fieldParams?.[field] })) }),
        ...(alternatives && {
          alternatives: alternatives.map(({ resourceId, startAt, endAt }) => ({ resourceId, startAt, endAt })),
        }),
        ...(params && Object.keys(params).length > 0 && { params }),
      },
      headers,
    );
  }
  log(error);
  return answer(500, { code: 'internal', message: looseTranslator(locale, 'common')('unexpectedError') });
}

function answer(status: number, error: ApiErrorBody['error'], headers: Record<string, string> = {}): ApiErrorResponse {
  return { status, body: { error }, headers };
}

/**
 * Field message keys → text. A bare key is one of the `validation` namespace (the booking
 * schemas' convention); a dotted key is a full path (`customer.validation.invalid_phone`). A key no
 * message file knows — zod's own English text for a wrong JSON type — becomes a generic
 * "not valid" in the caller's language rather than leaking through untranslated. `values`
 * gives each field's message its parameters (a line number, a setting's bounds).
 */
export function localizeFields(
  fields: Record<string, string[]>,
  locale: AppLocale,
  values: (field: string) => Record<string, string | number> = () => ({}),
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, keys]) => [
      field,
      [...new Set(keys.map((key) => fieldMessage(key, locale, values(field))))],
    ]),
  );
}

function fieldMessage(key: string, locale: AppLocale, values: Record<string, string | number>): string {
  const path = key.includes('.') ? key : `validation.${key}`;
  const [namespace, ...rest] = path.split('.');
  let node: unknown = loadMessages(locale)[namespace];
  for (const part of rest) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') return apiMessage(locale, 'invalidValue');
  return looseTranslator(locale, namespace)(rest.join('.'), values);
}

type LooseTranslate = (key: string, values?: Record<string, string | number>) => string;

// The keys are only known at run time (error codes, schema messages): typed key checking cannot apply.
const looseTranslator = (locale: AppLocale, namespace: string) =>
  translator(locale, namespace) as unknown as LooseTranslate;

function apiMessage(locale: AppLocale, key: string, values: Record<string, string | number> = {}): string {
  return looseTranslator(locale, 'api')(key, values);
}
