/**
 * The fields every input schema shares — instants, calendar days, phone numbers — defined
 * once. Each schema module passes its own message keys (the staff schemas' bare `validation`
 * keys, the customer channel's `customer.validation.*` paths), so a field reads alike in every
 * form and route and only its words belong to the channel.
 *
 * Browser-safe: forms import these through their schemas.
 */
import { z } from 'zod';

/** The message keys a shared field may answer with. */
export interface FieldMessages {
  required: string;
  invalid_date: string;
  invalid_phone: string;
  too_long: string;
  /** A well-formed instant or day outside INSTANT_WINDOW. */
  out_of_window: string;
}

/**
 * The instants the product deals in: [2000-01-01, 2100-01-01) UTC. Far wider than any booking,
 * look-up or holiday calendar needs, and well inside what PostgreSQL, JavaScript dates and the
 * working-day arithmetic handle, so a year 0000 or 275760 is a field message, never a 500.
 */
export const INSTANT_WINDOW = { from: '2000-01-01', to: '2100-01-01' } as const;
const WINDOW_FROM_MS = Date.parse(`${INSTANT_WINDOW.from}T00:00:00Z`);
const WINDOW_TO_MS = Date.parse(`${INSTANT_WINDOW.to}T00:00:00Z`);

export function inInstantWindow(value: Date): boolean {
  const ms = value.getTime();
  return ms >= WINDOW_FROM_MS && ms < WINDOW_TO_MS;
}

/** Empty form fields ('', blanks or null) mean "not given". */
export const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const missingOr = (missing: string, code: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? missing : code;

/**
 * An absolute instant as text: ISO 8601 / RFC 3339 *with* an offset (Z or ±hh:mm). A time
 * without a zone would be read in the server's zone, which is never what anyone meant.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function parseInstant(value: string): Date | undefined {
  const trimmed = value.trim();
  if (trimmed.length > 40 || !ISO_INSTANT.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An instant as a Date (forms, actions, domain functions): a Date, or ISO text with an offset. */
export const instantField = (m: FieldMessages) =>
  z.preprocess(
    (value) => {
      const given = blankToUndefined(value);
      if (typeof given !== 'string') return given;
      return parseInstant(given) ?? 'invalid';
    },
    z.date({ error: missingOr(m.required, m.invalid_date) }).refine(inInstantWindow, m.out_of_window),
  );

/** An instant as it travels in JSON: the same rule, kept as the string (the OpenAPI type). */
export const isoInstantField = (m: FieldMessages) =>
  z
    .string({ error: missingOr(m.required, m.invalid_date) })
    .refine((value) => parseInstant(value) !== undefined, { message: m.invalid_date, abort: true })
    .refine((value) => inInstantWindow(parseInstant(value)!), m.out_of_window)
    .meta({ format: 'date-time', description: 'RFC 3339 with an offset, e.g. 2026-12-01T09:30:00+08:00.' });

/** A calendar day 'YYYY-MM-DD' that exists (no 2026-02-30), inside the window. */
export const dayField = (m: FieldMessages) =>
  z
    .string({ error: missingOr(m.required, m.invalid_date) })
    .trim()
    .refine(isCalendarDay, { message: m.invalid_date, abort: true })
    .refine((day) => day >= INSTANT_WINDOW.from && day < INSTANT_WINDOW.to, m.out_of_window);

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Phone numbers people actually give, compared without spaces, dashes and brackets. */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}(?:(?:ext\.?|x|转|#)\d{1,6})?$/i;
const INTERNATIONAL = /^\+\d{6,15}$/;

export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s\-()]/g, '');
  return MOBILE.test(compact) || LANDLINE.test(compact) || INTERNATIONAL.test(compact);
}

/**
 * Mainland mobile (138 0013 8000), landline with area code and an optional extension
 * (021-5888 0000 转 123), or any number with a country code (+852 2123 4567). Kept as typed,
 * blanks collapsed.
 */
export const phoneField = (m: FieldMessages) =>
  z
    .string({ error: missingOr(m.required, m.invalid_phone) })
    .trim()
    .min(1, m.required)
    .max(40, m.too_long)
    .transform((v) => v.replace(/\s+/g, ' '))
    .refine(isValidPhone, m.invalid_phone);
