/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with
 * (zod 4's JSON Schema output, which is the 2020-12 dialect OpenAPI 3.1 uses). Request bodies
 * and query parameters are described as they are *accepted* (`io: 'input'`), answers as they
 * are *produced* (`io: 'output'`), so the document cannot drift from the code.
 */
import { z } from 'zod';
import { availabilityQuerySchema, publicRequestSchema } from '@/lib/customer/schemas';
import { calendarFeedSchema, feedQuerySchema } from '@/lib/staff-booking/calendar-feed';
import { createTokenSchema } from '@/lib/api-access/tokens';
import { regenerateFeedSchema } from '@/lib/feeds/feeds';
import { createChannelSchema, updateChannelSchema } from '@/lib/notices/channels';
import { BOOKING_ACTIONS } from './booking-actions';
import { channelListSchema, channelSchema, feedListSchema, feedUrlSchema } from './feed-schemas';
import { pageQuery } from './pagination';
import { apiTokenCreatedSchema, apiTokenListSchema, apiTokenSchema } from './token-schemas';
import { MAX_JSON_BYTES } from './body';
import { auditQuery } from '@/lib/audit/queries';
import {
  auditListSchema,
  createResourceBody,
  createUserBody,
  maintenanceBody,
  maintenanceCreatedSchema,
  retiredSchema,
  retireResourceBody,
  updateResourceBody,
  updateUserBody,
  userSchema,
} from './admin-schemas';
import { reportIncidentSchema, resolveIncidentSchema } from '@/lib/incidents/schemas';
import { joinWaitlistSchema } from '@/lib/waitlist/entries';
import { occurrenceSelectionSchema, seriesSlotSchema } from '@/lib/booking/series/schemas';
import { incidentReportedSchema, incidentSchema, waitlistEntrySchema, waitlistListSchema } from './usage-schemas';
import { utilisationQuerySchema, utilisationReportSchema } from '@/lib/reports/utilisation';
import { ledgerQuery, ledgerSchema, periodQueryShape } from './report-schemas';
import { sendFeedbackSchema } from '@/lib/feedback/schemas';
import { changeRectificationSchema, createRectificationSchema } from '@/lib/rectifications/schemas';
import { feedbackSchema, rectificationListQuery, rectificationListSchema, rectificationSchema } from './rectification-schemas';
import {
  alternativeSchema,
  bookingDetailSchema,
  changeRequestSchema,
  bookingFilterQuery,
  bookingListQuery,
  bookingListSchema,
  bookingSchema,
  createBookingBody,
  errorSchema,
  resourceListSchema,
  resourceSchema,
} from './schemas';
import {
  publicAvailabilitySchema,
  publicBookingCreatedSchema,
  publicResourceListSchema,
  publicResourceSchema,
} from './public-schemas';
import { surveyAnswerSchema } from '@/lib/surveys/schemas';
import { surveyAnsweredSchema } from './survey-schemas';

type JsonSchema = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

/**
 * zod Date fields (the shared form schemas accept Date objects) travel as RFC 3339 strings.
 * The long regular expressions zod adds to uuid and date-time strings say nothing `format`
 * does not; they only make the document hard to read.
 */
const override = (ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) => {
  if (ctx.zodSchema._zod.def.type === 'date') {
    ctx.jsonSchema.type = 'string';
    ctx.jsonSchema.format = 'date-time';
  }
  if (ctx.jsonSchema.format === 'uuid' || ctx.jsonSchema.format === 'date-time') delete ctx.jsonSchema.pattern;
};

function components(entries: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: REF, unrepresentable: 'any', override });
  // Components live inside the document: no dialect or id of their own.
  for (const schema of Object.values(schemas) as JsonSchema[]) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas as Record<string, JsonSchema>;
}

/** A query schema's properties as OpenAPI parameters. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const ref = (id: string) => ({ $ref: REF(id) });
const jsonContent = (id: string) => ({ 'application/json': { schema: ref(id) } });
const errorResponse = (description: string) => ({ description, content: jsonContent('Error') });

const RESPONSES = {
  400: errorResponse('The body is not valid JSON (`invalid_json`).'),
  401: errorResponse('Not signed in (`unauthenticated`).'),
  403: errorResponse(
    "Signed in, but this role may not do this (`forbidden`); or a state change with the session cookie whose `Origin` is not the app's own (`cross_origin`).",
  ),
  404: errorResponse('No such booking, or not yours to see (`not_found`); a malformed id too.'),
  409: errorResponse(
    'The slot is taken (`slot_taken`, with `alternatives`), the status does not allow this (`invalid_transition`), the confirmation deadline has passed (`deadline_passed`) or the resource is out of service (`resource_unavailable`).',
  ),
  413: errorResponse(
    `The body is larger than the route accepts (\`payload_too_large\`): ${MAX_JSON_BYTES / 1024} KB at most, less where the message says so.`,
  ),
  415: errorResponse('A state change was sent without `Content-Type: application/json` (`unsupported_media_type`).'),
  422: errorResponse(
    'Invalid input (`invalid_input`, with per-field messages in `fields`) or a booking rule (`lead_time` with `params.earliest`, `outside_hours`, `too_long`, `beyond_horizon`, `over_capacity`); time rules come with `alternatives`.',
  ),
  429: {
    ...errorResponse('Too many requests (`rate_limited`, `too_many_open`); `Retry-After` says when to try again.'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
  },
  500: errorResponse('An unexpected error; the message is generic and the details are in the server log.'),
} as const;

type Status = keyof typeof RESPONSES;
const errors = (...statuses: Status[]) => Object.fromEntries(statuses.map((s) => [s, RESPONSES[s]]));

const idParameter = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', format: 'uuid' },
});

function actionPaths(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(BOOKING_ACTIONS).map(([name, spec]) => [
      `/api/v1/bookings/{id}/${name}`,
      {
        post: {
          tags: ['bookings'],
          operationId: `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Booking`,
          summary: spec.summary,
          description: `Allowed for ${spec.who}.`,
          parameters: [idParameter('The booking.')],
          // Every state change carries a JSON body: `{}` for the actions without fields (confirm).
          requestBody: { required: true, content: jsonContent(spec.bodyName) },
          responses: {
            200: { description: 'The booking after the change.', content: jsonContent('Booking') },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500),
          },
        },
      },
    ]),
  );
}

// --- Damage reports and the waitlist -------------------------------------------------------

const usageInputs = { IncidentReport: reportIncidentSchema, IncidentResolution: resolveIncidentSchema, WaitlistRequest: joinWaitlistSchema };
const usageOutputs = {
  IncidentReported: incidentReportedSchema,
  Incident: incidentSchema,
  WaitlistEntry: waitlistEntrySchema,
  WaitlistList: waitlistListSchema,
};

function usagePaths(): Record<string, JsonSchema> {
  return {
    '/api/v1/resources/{id}/incidents': {
      post: {
        tags: ['resources'],
        operationId: 'reportIncident',
        summary: 'Report damage or an abnormality; `blocking` puts the resource under maintenance',
        description:
          'Allowed for admin, and for the applicant of a booking on this resource (customer service for a customer booking) from 30 minutes before its start until 2 hours after its end (`report_window_closed`, 409, otherwise). A blocking report blocks the resource from now until `blockUntil`, or until resolved; the held bookings inside are listed and their applicants e-mailed with alternatives.',
        parameters: [idParameter('The resource.')],
        requestBody: { required: true, content: jsonContent('IncidentReport') },
        responses: {
          201: { description: 'Reported.', content: jsonContent('IncidentReported') },
          ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500),
        },
      },
    },
    '/api/v1/incidents/{id}/resolve': {
      post: {
        tags: ['resources'],
        operationId: 'resolveIncident',
        summary: 'Resolve a report (admin); its maintenance ends now',
        parameters: [idParameter('The report.')],
        requestBody: { required: true, content: jsonContent('IncidentResolution') },
        responses: {
          200: { description: 'The resolved report.', content: jsonContent('Incident') },
          ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500),
        },
      },
    },
    '/api/v1/waitlist': {
      get: {
        tags: ['bookings'],
        operationId: 'listWaitlist',
        summary: "The caller's waitlist entries for times not yet over",
        parameters: queryParameters(pageQuery),
        responses: { 200: { description: 'Soonest first.', content: jsonContent('WaitlistList') }, ...errors(401, 500) },
      },
      post: {
        tags: ['bookings'],
        operationId: 'joinWaitlist',
        summary: 'Wait for a taken slot: the earliest waiter is e-mailed once when it frees up',
        requestBody: { required: true, content: jsonContent('WaitlistRequest') },
        responses: {
          201: { description: 'Waiting (the same entry again if already waiting for this slot).', content: jsonContent('WaitlistEntry') },
          ...errors(400, 401, 409, 413, 415, 422, 500),
        },
      },
    },
    '/api/v1/waitlist/{id}': {
      delete: {
        tags: ['bookings'],
        operationId: 'leaveWaitlist',
        summary: 'Remove a waitlist entry (its owner, or admin)',
        parameters: [idParameter('The entry.')],
        responses: { 204: { description: 'Removed.' }, ...errors(401, 404, 500) },
      },
    },
  };
}

// --- The ledger over a period and the reports (admin) ----------------------------------------

const reportOutputs = { Ledger: ledgerSchema, UtilisationReport: utilisationReportSchema };

function reportPaths(): Record<string, JsonSchema> {
  const adminOnly = 'Admin only.';
  return {
    '/api/v1/resources/{id}/ledger': {
      get: {
        tags: ['reports'],
        operationId: 'resourceLedger',
        summary: "A resource's ledger (台账) over a period: its data, every booking starting in it and the period's totals",
        description: `${adminOnly} Each booking with the applicant, department or company, purpose, check-in/out, condition, inspection and incident reports with their resolution; paged by \`cursor\` (newest first); \`totals\` cover the whole period.`,
        parameters: [idParameter('The resource.'), ...queryParameters(ledgerQuery)],
        responses: { 200: { description: 'The ledger page.', content: jsonContent('Ledger') }, ...errors(401, 403, 404, 422, 500) },
      },
    },
    '/api/v1/reports/utilisation': {
      get: {
        tags: ['reports'],
        operationId: 'utilisationReport',
        summary: 'Booked, used and opening hours by resource, department or week',
        description: `${adminOnly} Days inclusive, in the organisation's zone; a booking counts on the day it starts, booked hours only when it was granted (confirmed, in use, completed, no-show). \`utilisation\` is booked over available (opening) hours, 0–1; by department, available hours are all resources' together. Labels in the caller's language.`,
        parameters: queryParameters(utilisationQuerySchema),
        responses: { 200: { description: 'One row per group.', content: jsonContent('UtilisationReport') }, ...errors(401, 403, 422, 500) },
      },
    },
    '/api/v1/reports/export.xlsx': {
      get: {
        tags: ['reports'],
        operationId: 'exportReports',
        summary: "The reports' tables as an Excel workbook, one sheet per section",
        description: `${adminOnly} \`section\` narrows it to one table: byResource, byWeek, heatmap, byDepartment, outcomes, reviewTime, channels.`,
        parameters: [
          ...queryParameters(z.object(periodQueryShape)),
          { name: 'section', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'The workbook.',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errors(401, 403, 404, 422, 500),
        },
      },
    },
  };
}

// --- API tokens and calendar feeds ----------------------------------------------------------

const accessInputs = {
  CreateTokenRequest: createTokenSchema,
  RegenerateFeedRequest: regenerateFeedSchema,
  CreateNotificationChannel: createChannelSchema,
  UpdateNotificationChannel: updateChannelSchema,
};
const accessOutputs = {
  ApiToken: apiTokenSchema,
  ApiTokenList: apiTokenListSchema,
  ApiTokenCreated: apiTokenCreatedSchema,
  FeedList: feedListSchema,
  FeedUrl: feedUrlSchema,
  NotificationChannel: channelSchema,
  NotificationChannelList: channelListSchema,
};

function accessPaths(): Record<string, JsonSchema> {
  const open: never[] = [];
  return {
    '/api/v1/tokens': {
      get: {
        tags: ['access'],
        operationId: 'listTokens',
        summary: "The caller's live API tokens with their last use; never the secret",
        parameters: queryParameters(pageQuery),
        responses: { 200: { description: 'Newest first.', content: jsonContent('ApiTokenList') }, ...errors(401, 422, 500) },
      },
      post: {
        tags: ['access'],
        operationId: 'createToken',
        summary: 'Make a personal API token (admin decides who may; admin may pass `userId`)',
        requestBody: { required: true, content: jsonContent('CreateTokenRequest') },
        responses: {
          201: { description: 'The token, with its secret shown this once.', content: jsonContent('ApiTokenCreated') },
          ...errors(400, 401, 403, 404, 413, 415, 422, 500),
        },
      },
    },
    '/api/v1/tokens/{id}': {
      delete: {
        tags: ['access'],
        operationId: 'revokeToken',
        summary: 'Revoke a token (its owner, or admin); it is refused from the next request on',
        parameters: [idParameter('The token.')],
        responses: { 204: { description: 'Revoked.' }, ...errors(401, 404, 500) },
      },
    },
    '/api/v1/admin/notification-channels': {
      get: {
        tags: ['access'],
        operationId: 'listNotificationChannels',
        summary: "Admin's WeCom / DingTalk / Feishu group-bot webhooks (never their secrets)",
        responses: { 200: { description: 'Newest first.', content: jsonContent('NotificationChannelList') }, ...errors(401, 403, 500) },
      },
      post: {
        tags: ['access'],
        operationId: 'createNotificationChannel',
        summary: 'Add a group-bot webhook and the events it is told about (https only)',
        requestBody: { required: true, content: jsonContent('CreateNotificationChannel') },
        responses: { 201: { description: 'Added.', content: jsonContent('NotificationChannel') }, ...errors(400, 401, 403, 413, 415, 422, 500) },
      },
    },
    '/api/v1/admin/notification-channels/{id}': {
      patch: {
        tags: ['access'],
        operationId: 'updateNotificationChannel',
        summary: 'Change a webhook, its events, or switch it off (an empty `secret` removes it)',
        parameters: [idParameter('The channel.')],
        requestBody: { required: true, content: jsonContent('UpdateNotificationChannel') },
        responses: { 200: { description: 'Changed.', content: jsonContent('NotificationChannel') }, ...errors(400, 401, 403, 404, 415, 422, 500) },
      },
    },
    '/api/v1/admin/notification-channels/{id}/test': {
      post: {
        tags: ['access'],
        operationId: 'testNotificationChannel',
        summary: "Post a test message now; answers the platform's refusal, never the secret",
        parameters: [idParameter('The channel.')],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {
          200: {
            description: '`{ok, error}`.',
            content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' }, error: { type: ['string', 'null'] } } } } },
          },
          ...errors(401, 403, 404, 500),
        },
      },
    },
    '/api/v1/feeds': {
      get: {
        tags: ['access'],
        operationId: 'listFeeds',
        summary: "The caller's secret calendar-feed URLs: personal, and (staff, admin) one per resource",
        responses: { 200: { description: 'The URLs.', content: jsonContent('FeedList') }, ...errors(401, 500) },
      },
    },
    '/api/v1/feeds/regenerate': {
      post: {
        tags: ['access'],
        operationId: 'regenerateFeed',
        summary: 'A new URL for one feed; the old one answers 404 from now on',
        requestBody: { required: true, content: jsonContent('RegenerateFeedRequest') },
        responses: { 200: { description: 'The new URL.', content: jsonContent('FeedUrl') }, ...errors(401, 403, 404, 415, 422, 500) },
      },
    },
    '/api/v1/feeds/{token}.ics': {
      get: {
        tags: ['access'],
        operationId: 'calendarFeedByToken',
        summary: 'A subscribed calendar (iCalendar), for calendar apps: no session, the URL is the secret',
        description:
          'Personal: the owner\'s pending, awaiting and confirmed bookings (TENTATIVE until confirmed). Resource: busy times with reference and status, a staff booking\'s purpose, nothing of a customer. UIDs are stable and SEQUENCE is the booking\'s version; a booking that stops holding its slot leaves the feed. Send `If-None-Match` or `If-Modified-Since` to get 304 while unchanged.',
        security: open,
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The feed (`ETag`, `Last-Modified`).',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          304: { description: 'Unchanged since the validator sent.' },
          404: { description: 'No such feed (wrong or replaced token).', content: jsonContent('Error') },
        },
      },
    },
  };
}

// --- Recurring bookings -----------------------------------------------------------------------

const seriesInputs = { SeriesSlot: seriesSlotSchema, OccurrenceSelection: occurrenceSelectionSchema };

/** A series request: the rule and its first slot, plus a request's own fields (purpose, phone…). */
const seriesRequest = { 'application/json': { schema: { allOf: [ref('SeriesSlot'), ref('CreateBookingRequest')] } } };
const occurrencesAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

function seriesPaths(): Record<string, JsonSchema> {
  const action = (operationId: string, summary: string, body: JsonSchema) => ({
    post: {
      tags: ['bookings'],
      operationId,
      summary,
      parameters: [idParameter('The series.')],
      requestBody: { required: true, content: { 'application/json': { schema: body } } },
      responses: { 200: occurrencesAnswer('`{occurrences: [{n, bookingId, status, error?}]}`.'), ...errors(400, 401, 403, 404, 409, 415, 422, 500) },
    },
  });
  const withText = (field: string) => ({ allOf: [ref('OccurrenceSelection'), { type: 'object', required: [field], properties: { [field]: { type: 'string' } } }] });
  return {
    '/api/v1/booking-series/preview': {
      post: {
        tags: ['bookings'],
        operationId: 'previewSeries',
        summary: 'Every date of a rule with its state (free, taken with alternatives, unavailable, skipped); writes nothing',
        requestBody: { required: true, content: seriesRequest },
        responses: { 200: occurrencesAnswer('`{occurrences}` in date order.'), ...errors(400, 401, 415, 422, 500) },
      },
    },
    '/api/v1/booking-series': {
      post: {
        tags: ['bookings'],
        operationId: 'createSeries',
        summary: 'Request every free date of a rule at once, each a booking of the series',
        description:
          'A series may reach `series_horizon_days` ahead (a policy setting, default 400), past the single-booking horizon; more than 104 dates, an unbounded rule or a date past that horizon is a 422. The applicant gets one "request received" e-mail for the series.',
        requestBody: { required: true, content: seriesRequest },
        responses: {
          201: occurrencesAnswer('`{seriesId, reference, occurrences}`; a date taken meanwhile is reported, the rest go through.'),
          ...errors(400, 401, 409, 415, 422, 500),
        },
      },
    },
    '/api/v1/booking-series/{id}': {
      get: {
        tags: ['bookings'],
        operationId: 'getSeries',
        summary: 'The series and its bookings in occurrence order (applicant or admin)',
        parameters: [idParameter('The series.')],
        responses: { 200: occurrencesAnswer('The series with `occurrences: [{n, booking}]`.'), ...errors(401, 404, 500) },
      },
    },
    '/api/v1/booking-series/{id}/approve': action('approveSeries', 'Admin approves all dates, or those named', withText('opinion')),
    '/api/v1/booking-series/{id}/reject': action('rejectSeries', 'Admin rejects all dates, or those named', withText('reason')),
    '/api/v1/booking-series/{id}/confirm': action('confirmSeries', 'The applicant confirms every approved date at once', { type: 'object' }),
    '/api/v1/booking-series/{id}/cancel': action(
      'cancelSeries',
      'The applicant or admin cancels one date (`occurrences: [n]`), it and the following (`fromOccurrence`), or all',
      withText('reason'),
    ),
  };
}

const adminInputs = {
  CreateResourceRequest: createResourceBody,
  UpdateResourceRequest: updateResourceBody,
  RetireResourceRequest: retireResourceBody,
  MaintenanceRequest: maintenanceBody,
  CreateUserRequest: createUserBody,
  UpdateUserRequest: updateUserBody,
};
const adminOutputs = { User: userSchema, AuditList: auditListSchema, MaintenanceCreated: maintenanceCreatedSchema, ResourceRetired: retiredSchema };

/** Admin's writes: one operation each, admin only (403 for anyone else, before the body is looked at). */
const adminWrite = (operationId: string, summary: string, body: string, ok: Record<string, unknown>, extra: Status[] = []) => ({
  tags: ['admin'],
  operationId,
  summary,
  requestBody: { required: true, content: jsonContent(body) },
  responses: { ...ok, ...errors(400, 401, 403, 413, 415, 422, 500, ...extra) },
});

const createResourceOperation = adminWrite(
  'createResource',
  'Add a resource (admin), with the field names GET answers; texts as `{zh, en}`. A code in use → 409 `already_exists`',
  'CreateResourceRequest',
  { 201: { description: 'The resource, as GET lists it.', content: jsonContent('Resource') } },
  [409],
);

function adminPaths(): Record<string, JsonSchema> {
  const withId = (what: string, operation: JsonSchema) => ({ ...operation, parameters: [idParameter(what)] });
  return {
    '/api/v1/resources/{id}': {
      patch: withId(
        'The resource.',
        adminWrite(
          'updateResource',
          "Change any of a resource's fields (admin); the others stay. Recorded old → new. New hours or buffers that booked uses no longer fit → 409 `bookings_outside` unless `keepBookings`",
          'UpdateResourceRequest',
          { 200: { description: 'The resource.', content: jsonContent('Resource') } },
          [404, 409],
        ),
      ),
    },
    '/api/v1/resources/{id}/retire': {
      post: withId(
        'The resource.',
        adminWrite('retireResource', 'Retire a resource (admin): no new bookings, history kept', 'RetireResourceRequest', { 200: { description: 'Retired.', content: jsonContent('ResourceRetired') } }, [404]),
      ),
    },
    '/api/v1/resources/{id}/maintenance': {
      post: withId(
        'The resource.',
        adminWrite(
          'addMaintenanceWindow',
          'Plan a maintenance window (admin); held bookings inside are kept, flagged and their applicants e-mailed with alternatives',
          'MaintenanceRequest',
          { 201: { description: 'The window and the bookings inside it.', content: jsonContent('MaintenanceCreated') } },
          [404],
        ),
      ),
    },
    '/api/v1/users': {
      post: adminWrite(
        'createUser',
        'Add an account (admin); the person is e-mailed a one-use link to set a password. An e-mail in use (any case) → 409 `already_exists`',
        'CreateUserRequest',
        { 201: { description: 'The account.', content: jsonContent('User') } },
        [409],
      ),
    },
    '/api/v1/users/{id}': {
      patch: withId(
        'The account.',
        adminWrite(
          'updateUser',
          "Change an account's role, department, contact flag or switch it off (admin). A new role or department or `disabled: true` ends the person's sessions at once; the last active admin cannot be demoted or disabled (422)",
          'UpdateUserRequest',
          { 200: { description: 'The account.', content: jsonContent('User') } },
          [404],
        ),
      ),
    },
    '/api/v1/audit': {
      get: {
        tags: ['admin'],
        operationId: 'listAudit',
        summary: 'The audit log (admin), newest first. Append-only: every other method is 405',
        description: '`from` and `to` are days in the organisation time zone, both inclusive; `actor` is a user id.',
        parameters: queryParameters(auditQuery),
        responses: { 200: { description: 'A page of entries.', content: jsonContent('AuditList') }, ...errors(401, 403, 422, 500) },
      },
    },
  };
}

// --- Suggestions and rectification items (policy II.2, II.3) ---------------------------------

const rectificationInputs = { FeedbackRequest: sendFeedbackSchema, RectificationRequest: createRectificationSchema, RectificationChange: changeRectificationSchema };
const rectificationOutputs = { Feedback: feedbackSchema, Rectification: rectificationSchema, RectificationList: rectificationListSchema };

function rectificationPaths(): Record<string, JsonSchema> {
  return {
    '/api/v1/feedback': {
      post: {
        tags: ['follow-up'],
        operationId: 'sendFeedback',
        summary: 'Send a suggestion or complaint about a resource or the booking process (staff); admin answers it',
        requestBody: { required: true, content: jsonContent('FeedbackRequest') },
        responses: { 201: { description: 'Sent.', content: jsonContent('Feedback') }, ...errors(400, 401, 413, 415, 422, 500) },
      },
    },
    '/api/v1/rectifications': {
      get: {
        tags: ['follow-up'],
        operationId: 'listRectifications',
        summary: 'Rectification items, soonest due first (admin and customer service; a department contact sees its department’s)',
        parameters: queryParameters(rectificationListQuery),
        responses: { 200: { description: 'One page.', content: jsonContent('RectificationList') }, ...errors(401, 403, 422, 500) },
      },
      post: {
        tags: ['follow-up'],
        operationId: 'createRectification',
        summary: 'Open a rectification item (admin and customer service); the owner department’s contacts are e-mailed',
        requestBody: { required: true, content: jsonContent('RectificationRequest') },
        responses: { 201: { description: 'Opened.', content: jsonContent('Rectification') }, ...errors(400, 401, 403, 413, 415, 422, 500) },
      },
    },
    '/api/v1/rectifications/{id}': {
      get: {
        tags: ['follow-up'],
        operationId: 'getRectification',
        summary: 'One rectification item',
        parameters: [idParameter('The item.')],
        responses: { 200: { description: 'The item.', content: jsonContent('Rectification') }, ...errors(401, 403, 404, 500) },
      },
      patch: {
        tags: ['follow-up'],
        operationId: 'changeRectification',
        summary: 'Move an item (open → in_progress → done → verified), reassign it, or add a note',
        description:
          'The owner department’s contacts may start an item and mark it done; admin and customer service take every step, verify, reopen and reassign. A step the status does not allow is a 409 `rectification_transition`.',
        parameters: [idParameter('The item.')],
        requestBody: { required: true, content: jsonContent('RectificationChange') },
        responses: { 200: { description: 'The item after the change.', content: jsonContent('Rectification') }, ...errors(400, 401, 403, 404, 409, 415, 422, 500) },
      },
    },
  };
}

export function buildOpenApiDocument(): JsonSchema {
  const schemas = {
    ...components(
      {
        CreateBookingRequest: createBookingBody,
        PublicBookingRequest: publicRequestSchema,
        SurveyAnswer: surveyAnswerSchema,
        ...Object.fromEntries(Object.values(BOOKING_ACTIONS).map((spec) => [spec.bodyName, spec.body])),
        ...usageInputs,
        ...rectificationInputs,
        ...accessInputs,
        ...seriesInputs,
        ...adminInputs,
      },
      'input',
    ),
    ...components(
      {
        Error: errorSchema,
        Alternative: alternativeSchema,
        Resource: resourceSchema,
        ResourceList: resourceListSchema,
        Booking: bookingSchema,
        BookingList: bookingListSchema,
        BookingDetail: bookingDetailSchema,
        ChangeRequest: changeRequestSchema,
        PublicResource: publicResourceSchema,
        PublicResourceList: publicResourceListSchema,
        PublicAvailability: publicAvailabilitySchema,
        PublicBookingCreated: publicBookingCreatedSchema,
        SurveyAnswered: surveyAnsweredSchema,
        CalendarFeed: calendarFeedSchema,
        ...usageOutputs,
        ...rectificationOutputs,
        ...accessOutputs,
        ...adminOutputs,
        ...reportOutputs,
      },
      'output',
    ),
  };
  const signedIn = [{ sessionCookie: [] }, { bearerToken: [] }];
  /** The register's exports: the list's filters, without its paging. */
  const exportPaths = () =>
    Object.fromEntries(
      (
        [
          ['csv', 'exportBookingsCsv', 'text/csv', 'CSV, UTF-8 with a byte-order mark'],
          ['xlsx', 'exportBookingsXlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'An Excel workbook'],
        ] as const
      ).map(([ext, operationId, type, what]) => [
        `/api/v1/bookings/export.${ext}`,
        {
          get: {
            tags: ['bookings'],
            operationId,
            summary: `The register's rows of a filter as a file (${ext.toUpperCase()}): admin every booking, customer service the customer bookings`,
            description: `${what}, streamed as it is read. Same filters and order as GET /api/v1/bookings; every row, no paging. Column headers, statuses and channels in the caller's language; times as the organisation's wall clock; text starting with \`=\`, \`+\`, \`-\` or \`@\` is prefixed with \`'\` so a spreadsheet never runs it. Staff are refused (403).`,
            parameters: queryParameters(bookingFilterQuery),
            responses: {
              200: {
                description: 'The file, as an attachment.',
                content: { [type]: { schema: { type: 'string', format: 'binary' } } },
              },
              ...errors(401, 403, 422, 500),
            },
          },
        },
      ]),
    );
  const open: never[] = [];

  return {
    openapi: '3.1.0',
    info: {
      title: 'Resource booking API',
      version: '1.0.0',
      description:
        'Meeting rooms, showroom, sample warehouse and large equipment. Signed-in routes use the Auth.js session cookie of the web sign-in or a personal API token (`Authorization: Bearer …`); `/api/v1/public/*` and the calendar feeds need neither. Lists are paged by `cursor` and `limit` (at most 200; more is a 422) and answer `nextCursor`, null on the last page. Times are RFC 3339 instants; errors are `{"error":{"code","message","fields"?,"alternatives"?,"params"?}}` with messages in the caller\'s language (`?locale=zh|en`, the NEXT_LOCALE cookie, the user\'s saved language, or Accept-Language; 简体中文 by default).',
    },
    servers: [{ url: '/' }],
    security: signedIn,
    tags: [
      { name: 'resources', description: 'Resources and their calendars (signed in).' },
      { name: 'bookings', description: 'Staff requests and the booking workflow (signed in).' },
      { name: 'public', description: 'The customer channel, open to the internet and rate-limited.' },
      { name: 'access', description: 'API tokens and subscribable calendar feeds.' },
      { name: 'admin', description: 'Resources, people and the audit log (admin only).' },
      { name: 'reports', description: 'The resource ledger over a period and the usage reports (admin).' },
      { name: 'follow-up', description: 'Department suggestions and rectification items (整改).' },
    ],
    paths: {
      '/api/v1/resources': {
        get: {
          tags: ['resources'],
          operationId: 'listResources',
          summary: 'Resources with type, capacity, facilities, notes and opening hours',
          parameters: queryParameters(pageQuery),
          responses: { 200: { description: 'Every resource not retired.', content: jsonContent('ResourceList') }, ...errors(401, 500) },
        },
        post: createResourceOperation,
      },
      '/api/v1/resources/{id}/calendar.ics': {
        get: {
          tags: ['resources'],
          operationId: 'resourceCalendarFeed',
          summary: "iCalendar feed of the resource's holding bookings and blackouts",
          description:
            'From yesterday to three months ahead. Busy events with the booking reference and status; a staff booking adds its purpose, a customer visit nothing more.',
          parameters: [idParameter('The resource.')],
          responses: {
            200: { description: 'The feed.', content: { 'text/calendar': { schema: { type: 'string' } } } },
            ...errors(401, 404, 500),
          },
        },
      },
      '/api/v1/calendar': {
        get: {
          tags: ['resources'],
          operationId: 'calendarFeed',
          summary: 'What the booking calendars show: bookings, blackouts and buffers of some resources over some days',
          description:
            'Every resource not retired unless `resourceIds` (comma-separated, any number) or `typeId` narrows it; `from`/`to` are days, `to` exclusive, at most 92 days. Cacheable by the caller only (`private`), revalidated on every use (`no-cache`) with its `ETag`.',
          parameters: queryParameters(feedQuerySchema),
          responses: {
            200: { description: "Times as the organisation's wall clock.", content: jsonContent('CalendarFeed') },
            304: { description: 'Unchanged since the ETag given in If-None-Match.' },
            ...errors(401, 422, 500),
          },
        },
      },
      '/api/v1/bookings': {
        get: {
          tags: ['bookings'],
          operationId: 'listBookings',
          summary: "The bookings the caller may list: admin every one, customer service the customer bookings, staff their own",
          description:
            'Filters select bookings overlapping [from, to); `q` matches part of the reference, applicant, company, e-mail, phone or purpose, ignoring case. Filters only narrow what the role may see. A cursor is valid for the `sort` it was made with (another is a 422).',
          parameters: queryParameters(bookingListQuery),
          responses: { 200: { description: 'Newest start first.', content: jsonContent('BookingList') }, ...errors(401, 422, 500) },
        },
        post: {
          tags: ['bookings'],
          operationId: 'createBooking',
          summary: 'Request a booking for oneself (the slot is held while the request is open)',
          description: 'Without `phone`, the phone on the caller\'s profile is used.',
          requestBody: { required: true, content: jsonContent('CreateBookingRequest') },
          responses: {
            201: {
              description: 'Submitted (`pending`).',
              headers: { Location: { schema: { type: 'string' }, description: 'The booking in this API.' } },
              content: jsonContent('Booking'),
            },
            ...errors(400, 401, 409, 413, 415, 422, 500),
          },
        },
      },
      ...exportPaths(),
      '/api/v1/bookings/{id}': {
        get: {
          tags: ['bookings'],
          operationId: 'getBooking',
          summary: 'A booking with its history and coordination answers',
          parameters: [idParameter('The booking.')],
          responses: { 200: { description: 'The booking.', content: jsonContent('BookingDetail') }, ...errors(401, 404, 500) },
        },
      },
      ...actionPaths(),
      '/api/v1/bookings/{id}/request-change': {
        post: {
          tags: ['bookings'],
          operationId: 'requestChangeBooking',
          summary: 'Ask to move a held booking to another time or resource, with a reason (product rule 9)',
          description: `Allowed for the applicant (customer service for a customer booking), on a pending, needs_info, awaiting_confirmation or confirmed booking, at least \`change_notice_hours\` before its start — else 422 \`change_too_late\` with \`params.deadline\`. The new slot is checked like a new request (409 \`slot_taken\` with alternatives) and held beside the booking's own until admin approves (\`approve-change\`) or refuses (\`reject-change\`).`,
          parameters: [idParameter('The booking.')],
          requestBody: { required: true, content: jsonContent('ChangeSlotRequest') },
          responses: {
            201: { description: 'The change request (`pending`).', content: jsonContent('ChangeRequest') },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500),
          },
        },
      },
      ...usagePaths(),
      ...reportPaths(),
      ...rectificationPaths(),
      ...accessPaths(),
      ...seriesPaths(),
      ...adminPaths(),
      '/api/v1/public/resources': {
        get: {
          tags: ['public'],
          operationId: 'listPublicResources',
          summary: 'Resources customers may book (no internal fields)',
          security: open,
          responses: { 200: { description: 'In service and customer-bookable.', content: jsonContent('PublicResourceList') }, ...errors(500) },
        },
      },
      '/api/v1/public/availability': {
        get: {
          tags: ['public'],
          operationId: 'publicAvailability',
          summary: 'Busy intervals of one resource — no names, purposes or contacts',
          description: 'At most 31 days per call.',
          security: open,
          parameters: queryParameters(availabilityQuerySchema),
          responses: {
            200: { description: 'Merged busy intervals.', content: jsonContent('PublicAvailability') },
            ...errors(404, 422, 429, 500),
          },
        },
      },
      '/api/v1/public/booking-requests': {
        post: {
          tags: ['public'],
          operationId: 'createPublicBookingRequest',
          summary: "A customer's booking request; the customer is e-mailed a link to manage it",
          description: '`website` is a honeypot field for forms: leave it out.',
          security: open,
          requestBody: { required: true, content: jsonContent('PublicBookingRequest') },
          responses: {
            201: { description: 'Submitted (`pending`).', content: jsonContent('PublicBookingCreated') },
            ...errors(400, 409, 413, 415, 422, 429, 500),
          },
        },
      },
      '/api/v1/public/surveys/{token}': {
        post: {
          tags: ['public'],
          operationId: 'answerSurvey',
          summary: "A customer's answer to the follow-up survey e-mailed after their visit",
          description:
            'The token is the one of the survey link (`/s/{token}`). Scores are whole numbers from 1 (very poor) to 5 (excellent). The link works once and for 14 days after it was sent.',
          security: open,
          parameters: [{ name: 'token', in: 'path', required: true, description: 'The survey link token.', schema: { type: 'string' } }],
          requestBody: { required: true, content: jsonContent('SurveyAnswer') },
          responses: {
            200: { description: 'Recorded; the link is used up.', content: jsonContent('SurveyAnswered') },
            410: errorResponse('The link is unknown, already answered or expired (`token_invalid`).'),
            ...errors(400, 413, 415, 422, 500),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          tags: ['public'],
          operationId: 'openApiDocument',
          summary: 'This document',
          security: open,
          responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'authjs.session-token',
          description: 'Set by signing in on the web (`__Secure-authjs.session-token` over HTTPS).',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal API token (`/api/v1/tokens`), acting with its owner\'s permissions; `read` scope for GET, `write` for anything else. No Origin needed. POSTs accept `Idempotency-Key` (1–255 visible ASCII characters, kept for 24 hours per user): the same key and body replay the first answer (`Idempotent-Replayed: true`), a request still running gets 409 `idempotency_in_flight`, another body 422 `idempotency_mismatch`.',
        },
      },
    },
  };
}
