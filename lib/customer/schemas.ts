/**
 * Input schemas of the customer channel: the public booking form and JSON API, customer
 * service's filings for customers who phoned or wrote, priority (displacement) requests, and
 * the service desk's small forms. Shared by react-hook-form (zodResolver), server actions, the
 * route handlers and the domain functions, which parse again.
 *
 * Every message is the full key of its text, `customer.validation.<key>`
 * (messages/<locale>/customer.json): forms show `t(message)` with a translator over all
 * namespaces, and the API's error mapping (lib/api/errors.ts) reads dotted keys the same way.
 * Every string is trimmed and length-limited; wrong types get a message, never a 500.
 */
import { z } from 'zod';
// Types only: forms import this module in the browser, where the database schema must not go.
import { BOOKING_STATUSES } from '@/db/booking-statuses';
import { blankToUndefined, instantField, phoneField } from '@/lib/validation/fields';

const MESSAGE_KEYS = [
  'required',
  'too_long',
  'invalid_text',
  'invalid_id',
  'invalid_date',
  'out_of_window',
  'invalid_phone',
  'invalid_email',
  'invalid_number',
  'too_small',
  'too_large',
  'end_before_start',
  'invalid_choice',
  'invalid_form',
  // Set by the domain functions rather than the schemas:
  'resource_not_bookable',
  'not_displaceable',
  'in_future',
  'range_too_long',
] as const;

/** The message keys by short name: `V.invalid_phone` is 'customer.validation.invalid_phone'. */
export const V = Object.fromEntries(MESSAGE_KEYS.map((key) => [key, `customer.validation.${key}`])) as {
  [K in (typeof MESSAGE_KEYS)[number]]: `customer.validation.${K}`;
};


const missingOr = (code: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? V.required : code;

/** Control characters other than tab and line breaks have no place in what people type. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Single-line fields (names, companies) take no line breaks or tabs either. */
const LINE_CONTROL = /[\u0000-\u001F\u007F]/;

const line = (max: number) =>
  z
    .string({ error: missingOr(V.invalid_text) })
    .trim()
    .min(1, V.required)
    .max(max, V.too_long)
    .refine((v) => !LINE_CONTROL.test(v), V.invalid_text);

const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: V.invalid_text })
      .trim()
      .max(max, V.too_long)
      .refine((v) => !CONTROL.test(v), V.invalid_text)
      .optional(),
  );

const id = () => z.uuid({ error: missingOr(V.invalid_id) });

// The shared fields (lib/validation/fields.ts) with this channel's messages.
const instant = () => instantField(V);
const phone = () => phoneField(V);

/**
 * Exactly one address: no line breaks (header injection), no lists (commas, semicolons), no
 * display names; at most 254 characters; stored lower-case so that limits and look-ups by
 * address see one customer.
 */
const email = () =>
  z
    .string({ error: missingOr(V.invalid_email) })
    .max(1000, V.too_long)
    .refine((v) => !/[\r\n]/.test(v), { message: V.invalid_email, abort: true })
    .trim()
    .toLowerCase()
    .min(1, V.required)
    .max(254, V.too_long)
    .refine((v) => !/[,;<>\s"]/.test(v), { message: V.invalid_email, abort: true })
    .pipe(z.email({ error: V.invalid_email }));

/** A number, or digits from a form field; anything else (true, [5], '5 people') is refused. */
const visitors = () =>
  z.preprocess(
    (value) => {
      const given = blankToUndefined(value);
      return typeof given === 'string' && /^\s*\d{1,6}\s*$/.test(given) ? Number(given) : given;
    },
    z.number({ error: V.invalid_number }).int(V.invalid_number).min(1, V.too_small).max(200, V.too_large).optional(),
  );

const locale = () => z.preprocess(blankToUndefined, z.enum(['zh', 'en'], { error: V.invalid_choice }).optional());

const endAfterStart = (v: { startAt: Date; endAt: Date }) => v.endAt.getTime() > v.startAt.getTime();
const END_AFTER_START = { message: V.end_before_start, path: ['endAt'] };

/** What a customer gives for a visit (rule 5: name, contact, company, resource, time, needs). */
const customerFields = z.object(
  {
    resourceId: id(),
    startAt: instant(),
    endAt: instant(),
    name: line(60),
    phone: phone(),
    email: email(),
    company: line(100),
    visitors: visitors(),
    specialNeeds: optionalText(1000),
  },
  { error: V.invalid_form },
);

/**
 * The public form and `POST /api/v1/public/booking-requests`. `website` is the honeypot: the
 * form hides it from people, so any value means a bot. It is only length-checked here; the
 * domain refuses a filled one without naming the field (lib/customer/create-public.ts).
 */
export const publicRequestSchema = customerFields
  .extend({
    website: z.preprocess(blankToUndefined, z.string({ error: V.invalid_text }).max(200, V.too_long).optional()),
  })
  .refine(endAfterStart, END_AFTER_START);

/**
 * A customer who found their slot taken on the public page waits for it: the slot, and whom to
 * tell (the name and address of the request they were filling in).
 */
export const publicWaitlistSchema = customerFields
  .pick({ resourceId: true, startAt: true, endAt: true, name: true, email: true })
  .refine(endAfterStart, END_AFTER_START);

const serviceDeskFields = customerFields.extend({
  channel: z.enum(['phone', 'email'], { error: missingOr(V.invalid_choice) }),
  /** The phone note or the customer's e-mail, pasted in. */
  originalMessage: optionalText(5000),
  importantCustomer: z.boolean({ error: V.invalid_choice }).default(false),
  /** The language the customer is written to in. */
  locale: locale(),
});

/**
 * Customer service files for a customer who phoned or wrote. `holdsSlot: false` registers the
 * request without holding the slot (product rule 2); admin then approves it for a free time.
 */
export const serviceDeskRequestSchema = serviceDeskFields
  .extend({ holdsSlot: z.boolean({ error: V.invalid_choice }).default(true) })
  .refine(endAfterStart, END_AFTER_START);

/**
 * Asks admin to displace a staff booking for a customer (product rule 3). It never holds the
 * slot itself: the staff booking does until admin approves.
 */
export const priorityRequestSchema = serviceDeskFields
  .extend({ displaceBookingId: id() })
  .refine(endAfterStart, END_AFTER_START);

/** The service desk's search box: name, company, phone, reference or e-mail. */
export const customerSearchSchema = z.object({ q: line(100) });


export const customerBookingFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(BOOKING_STATUSES, { error: V.invalid_choice }).optional()),
  resourceId: z.preprocess(blankToUndefined, id().optional()),
  channel: z.preprocess(blankToUndefined, z.enum(['public', 'phone', 'email'], { error: V.invalid_choice }).optional()),
  from: instant().optional(),
  to: instant().optional(),
  importantOnly: z.boolean({ error: V.invalid_choice }).optional(),
});

export const markImportantSchema = z.object({
  importantCustomer: z.boolean({ error: V.invalid_choice }),
  specialNeeds: optionalText(1000),
});

export const customerContactSchema = z.object({
  method: z.enum(['phone', 'email'], { error: missingOr(V.invalid_choice) }),
  contactedAt: instant(),
  note: optionalText(1000),
});

/** Admin's decision on a displacement: the review opinion (审核意见) the customer will read. */
export const displacementDecisionSchema = z.object({
  opinion: z
    .string({ error: missingOr(V.invalid_text) })
    .trim()
    .min(1, V.required)
    .max(1000, V.too_long),
});

/** The free/busy look-up: at most 31 days per call (checked by the domain). */
export const availabilityQuerySchema = z
  .object({ resourceId: id(), from: instant(), to: instant() })
  .refine((v) => v.to.getTime() > v.from.getTime(), { message: V.end_before_start, path: ['to'] });

export type PublicRequestInput = z.output<typeof publicRequestSchema>;
export type ServiceDeskRequestInput = z.output<typeof serviceDeskRequestSchema>;
export type PriorityRequestInput = z.output<typeof priorityRequestSchema>;
export type CustomerBookingFilters = z.input<typeof customerBookingFiltersSchema>;
export type CustomerContactInput = z.input<typeof customerContactSchema>;
