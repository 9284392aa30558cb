/**
 * The policy values admin may set (product.md "Policy values"), with the bounds that keep the
 * product sane. Shared by the settings form (zodResolver, in the browser) and `updateSettings`
 * on the server, so it imports nothing that needs the server. Error messages are full message
 * paths (`settings.errors.<key>`); range errors name the bounds from `SETTINGS_BOUNDS`.
 */
import { z } from 'zod';

const ERROR_KEYS = ['required', 'not_integer', 'out_of_range', 'invalid_time_zone', 'invalid_choice', 'invalid_email', 'reminder_after_window'] as const;

/** The message path of an error key: `S.required` is 'settings.errors.required'. */
export const S = Object.fromEntries(ERROR_KEYS.map((key) => [key, `settings.errors.${key}`])) as {
  [K in (typeof ERROR_KEYS)[number]]: `settings.errors.${K}`;
};

/** Inclusive bounds of each whole-number setting. */
export const SETTINGS_BOUNDS = {
  staffLeadWorkingDays: { min: 0, max: 30 },
  customerMinNoticeHours: { min: 0, max: 720 },
  confirmWindowHours: { min: 1, max: 336 },
  changeNoticeHours: { min: 0, max: 720 },
  noShowGraceMinutes: { min: 0, max: 240 },
  checkInOpensMinutes: { min: 0, max: 240 },
  confirmationReminderHours: { min: 0, max: 335 },
  visitReminderHours: { min: 0, max: 336 },
  followUpSurveyHours: { min: 0, max: 336 },
  bookingHorizonDays: { min: 1, max: 730 },
  seriesHorizonDays: { min: 1, max: 1100 },
  customerMaxOpenRequests: { min: 1, max: 100 },
} as const;

export type NumericSetting = keyof typeof SETTINGS_BOUNDS;
export const NUMERIC_SETTINGS = Object.keys(SETTINGS_BOUNDS) as NumericSetting[];

/** A form field arrives as text ('' when left empty), JSON as a number. */
const wholeNumber = ({ min, max }: { min: number; max: number }) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : typeof value === 'string' ? Number(value.trim()) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? S.required : S.not_integer) })
      .int(S.not_integer)
      .min(min, S.out_of_range)
      .max(max, S.out_of_range),
  );

/** A zone the runtime knows (IANA names such as Asia/Shanghai); Intl refuses anything else. */
export function isValidTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const numeric = Object.fromEntries(NUMERIC_SETTINGS.map((key) => [key, wholeNumber(SETTINGS_BOUNDS[key])])) as {
  [K in NumericSetting]: ReturnType<typeof wholeNumber>;
};

export const policySettingsSchema = z
  .object({
    ...numeric,
    timeZone: z
      .string({ error: S.required })
      .trim()
      .min(1, S.required)
      .max(64, S.invalid_time_zone)
      .refine(isValidTimeZone, S.invalid_time_zone),
    defaultLocale: z.enum(['zh', 'en'], { error: S.invalid_choice }),
    // One address, no display name and no line breaks: it becomes an e-mail header.
    serviceMailbox: z.string({ error: S.required }).trim().min(1, S.required).max(254, S.invalid_email).pipe(z.email(S.invalid_email)),
  })
  // A reminder "N hours before the window closes" must fall inside the window.
  .refine((v) => v.confirmationReminderHours < v.confirmWindowHours, {
    message: S.reminder_after_window,
    path: ['confirmationReminderHours'],
  });

export type PolicySettingsInput = z.input<typeof policySettingsSchema>;
export type PolicySettingsValues = z.output<typeof policySettingsSchema>;

/** Every field of the form, in the order the page shows them. */
export const SETTINGS_FIELDS = [
  'staffLeadWorkingDays',
  'customerMinNoticeHours',
  'confirmWindowHours',
  'confirmationReminderHours',
  'changeNoticeHours',
  'checkInOpensMinutes',
  'noShowGraceMinutes',
  'visitReminderHours',
  'followUpSurveyHours',
  'bookingHorizonDays',
  'seriesHorizonDays',
  'customerMaxOpenRequests',
  'timeZone',
  'defaultLocale',
  'serviceMailbox',
] as const satisfies readonly (keyof PolicySettingsValues)[];
