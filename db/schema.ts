/**
 * The whole data model. Every table the product needs is here, including those whose screens
 * come later, so later work adds behaviour rather than tables.
 *
 * Some rules live in hand-written SQL (db/migrations) because drizzle has no builder for them:
 *  - the triggers that fill `bookings.hold_start/hold_end` and `change_requests.hold_start/hold_end`
 *    from the resource's buffers (0001_booking_hold.sql, the change-request migration);
 *  - `slot_holds`, kept by triggers, and its exclusion constraint `slot_holds_no_overlap`
 *    (first come, first served for bookings and pending change requests alike), and the
 *    trigger that refuses a new hold over a blackout.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  primaryKey,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BOOKING_STATUSES } from './booking-statuses';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tstz('created_at').notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

export const userRole = pgEnum('user_role', ['staff', 'customer_service', 'admin']);
export const locale = pgEnum('locale', ['zh', 'en']);
export const resourceState = pgEnum('resource_state', ['in_service', 'maintenance', 'retired']);
export const blackoutKind = pgEnum('blackout_kind', ['maintenance', 'blackout']);

export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);
export const requesterKind = pgEnum('requester_kind', ['staff', 'customer']);
export const bookingChannel = pgEnum('booking_channel', ['portal', 'public', 'phone', 'email', 'paper']);
/** `priority` marks a customer-service request to displace an internal booking (policy I.4). */
export const bookingPriority = pgEnum('booking_priority', ['normal', 'priority']);
export const eventActorKind = pgEnum('event_actor_kind', ['user', 'customer', 'system', 'email_reply']);

export const coordinationAnswer = pgEnum('coordination_answer', ['agree', 'concerns']);
export const changeRequestStatus = pgEnum('change_request_status', ['pending', 'approved', 'refused', 'withdrawn']);
/** `blocking`: the reporter judges the resource unusable; the report puts it under maintenance. */
export const incidentSeverity = pgEnum('incident_severity', ['minor', 'blocking']);
export const incidentStatus = pgEnum('incident_status', ['open', 'resolved']);
export const contactMethod = pgEnum('contact_method', ['phone', 'email']);
export const holidayKind = pgEnum('holiday_kind', ['holiday', 'makeup_workday']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'dead']);
/** A waitlist entry waits, was told the slot is free (once), or was removed by its owner. */
export const waitlistStatus = pgEnum('waitlist_status', ['waiting', 'notified', 'removed']);
/** What a link in an e-mail may do. A token serves one purpose for one booking. */
export const tokenPurpose = pgEnum('token_purpose', ['respond', 'manage', 'feedback']);
/** The state a resource was left in at check-out, and admin's finding at inspection. */
export const visitCondition = pgEnum('visit_condition', ['ok', 'issue']);
/** Where a check-in came from: the booking page, the customer's e-mail link, the door's QR code, the JSON API. */
export const checkInChannel = pgEnum('check_in_channel', ['portal', 'link', 'door', 'api']);

/** One item of a resource's return checklist (关闭投影仪, 擦净白板 …). */
export interface ChecklistItem {
  key: string;
  label: { zh: string; en: string };
}

/** One checklist item as the user answered it at check-out: ticked, or explained. */
export interface ChecklistAnswer {
  key: string;
  done: boolean;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  email: text('email'),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('staff'),
    departmentId: uuid('department_id').references(() => departments.id),
    phone: text('phone'),
    locale: locale('locale').notNull().default('zh'),
    /** Answers coordination requests addressed to the department. */
    isDepartmentContact: boolean('is_department_contact').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /**
     * Sessions are signed cookies (JWT) that carry the version they were issued under; every
     * request compares it with this. Raising it ends all of the person's sessions at once
     * (sign-out, new password, disabled, new role) — lib/users/sessions.ts.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    /** Admin lets this person create personal API tokens (admin always may). */
    apiAccess: boolean('api_access').notNull().default(false),
    /** An admin's opt-in to the morning digest e-mail (lib/digest). */
    dailyDigest: boolean('daily_digest').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

// ---------------------------------------------------------------------------------------------
// Resources and the ledger (台账)
// ---------------------------------------------------------------------------------------------

export const resourceTypes = pgTable('resource_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => resourceTypes.id),
    /** Where it is, in Chinese; `locationEn` in English (empty: the Chinese is shown). */
    location: text('location').notNull(),
    locationEn: text('location_en').notNull().default(''),
    capacity: integer('capacity').notNull().default(1),
    /** In Chinese; `facilitiesEn` holds the same items in English, in the same order. */
    facilities: text('facilities').array().notNull().default(sql`'{}'::text[]`),
    facilitiesEn: text('facilities_en').array().notNull().default(sql`'{}'::text[]`),
    /** 注意事项: sent with every confirmation. */
    notesZh: text('notes_zh').notNull().default(''),
    notesEn: text('notes_en').notNull().default(''),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    responsibleName: text('responsible_name').notNull().default(''),
    customerBookable: boolean('customer_bookable').notNull().default(false),
    /** Opening hours, wall-clock time in the organisation time zone. */
    opensAt: time('opens_at').notNull().default('08:30'),
    closesAt: time('closes_at').notNull().default('18:00'),
    /** When true the resource can only be booked on working days (holiday calendar). */
    workingDaysOnly: boolean('working_days_only').notNull().default(true),
    setupBufferMinutes: integer('setup_buffer_minutes').notNull().default(0),
    cleanupBufferMinutes: integer('cleanup_buffer_minutes').notNull().default(0),
    maxDurationMinutes: integer('max_duration_minutes').notNull().default(480),
    /** Whether a booking must be checked in within the grace period or is released as a no-show. */
    requiresCheckIn: boolean('requires_check_in').notNull().default(false),
    /** The return checklist shown at check-out, editable by admin. */
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default(sql`'[]'::jsonb`),
    state: resourceState('state').notNull().default('in_service'),
    assetNumber: text('asset_number'),
    model: text('model'),
    createdAt: createdAt(),
  },
  (t) => [
    check('resources_capacity_positive', sql`${t.capacity} > 0`),
    check('resources_buffers_nonnegative', sql`${t.setupBufferMinutes} >= 0 AND ${t.cleanupBufferMinutes} >= 0`),
    check('resources_hours_order', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Maintenance periods and other blackouts; they block booking like bookings do. */
export const blackouts = pgTable(
  'blackouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    kind: blackoutKind('kind').notNull().default('blackout'),
    startAt: tstz('start_at').notNull(),
    endAt: tstz('end_at').notNull(),
    reason: text('reason').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    /** The blocking incident report that put the resource under maintenance, if any. */
    incidentId: uuid('incident_id').references((): AnyPgColumn => incidents.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('blackouts_order', sql`${t.startAt} < ${t.endAt}`),
    index('blackouts_incident_idx').on(t.incidentId),
    index('blackouts_resource_idx').on(t.resourceId, t.startAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Bookings
// ---------------------------------------------------------------------------------------------

/** Feeds the human reference code BK-<year>-<000123>. */
export const bookingReferenceSeq = pgSequence('booking_reference_seq', { startWith: 100 });

/**
 * A recurring request: one RFC 5545 rule applied from its first occurrence. Each occurrence is
 * an ordinary booking (`bookings.series_id`, `occurrence_no`) holding its own slot.
 */
export const bookingSeriesReferenceSeq = pgSequence('booking_series_reference_seq', { startWith: 100 });

export const bookingSeries = pgTable(
  'booking_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** RS-<year>-<6 digits>; each occurrence keeps its own BK reference too. */
    reference: text('reference').notNull().unique(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    /** Admin, when typed in from a paper form. */
    enteredById: uuid('entered_by_id').references(() => users.id),
    /** The rule as given (FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10), without DTSTART. */
    rrule: text('rrule').notNull(),
    /** The first occurrence's slot: the rule's DTSTART and every occurrence's length. */
    startAt: tstz('start_at').notNull(),
    endAt: tstz('end_at').notNull(),
    purpose: text('purpose').notNull().default(''),
    /** When applicant and admin were warned of three no-shows in a row (once per series). */
    noShowWarnedAt: tstz('no_show_warned_at'),
    createdAt: createdAt(),
  },
  (t) => [index('booking_series_requester_idx').on(t.requesterUserId)],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    requesterKind: requesterKind('requester_kind').notNull(),
    /** The staff member who asked (null for customers). */
    requesterUserId: uuid('requester_user_id').references(() => users.id),
    /** Who typed it in, when not the requester (customer service, admin entering paper). */
    enteredById: uuid('entered_by_id').references(() => users.id),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    company: text('company'),
    departmentId: uuid('department_id').references(() => departments.id),
    locale: locale('locale').notNull().default('zh'),
    channel: bookingChannel('channel').notNull(),
    priority: bookingPriority('priority').notNull().default('normal'),
    /** For a priority request: the internal booking it asks to displace. */
    displacesBookingId: uuid('displaces_booking_id'),
    importantCustomer: boolean('important_customer').notNull().default(false),
    purpose: text('purpose').notNull().default(''),
    attendees: integer('attendees'),
    specialNeeds: text('special_needs').notNull().default(''),
    /** The original phone note or e-mail, pasted by customer service. */
    originalMessage: text('original_message'),
    startAt: tstz('start_at').notNull(),
    endAt: tstz('end_at').notNull(),
    /** Filled by trigger from the resource's set-up/clean-up buffers. */
    holdStart: tstz('hold_start'),
    holdEnd: tstz('hold_end'),
    status: bookingStatus('status').notNull().default('pending'),
    /** False for phone/paper requests registered without holding a slot (product rule 2). */
    holdsSlot: boolean('holds_slot').notNull().default(true),
    leadTimeOverrideReason: text('lead_time_override_reason'),
    reviewOpinion: text('review_opinion'),
    statusReason: text('status_reason'),
    infoRequest: text('info_request'),
    approvedAt: tstz('approved_at'),
    confirmDeadline: tstz('confirm_deadline'),
    /** When the "please confirm" reminder went out; claimed by one job run only. */
    confirmationReminderSentAt: tstz('confirmation_reminder_sent_at'),
    confirmedAt: tstz('confirmed_at'),
    checkedInAt: tstz('checked_in_at'),
    /** Null for a customer checking in through their link. */
    checkedInById: uuid('checked_in_by_id').references(() => users.id),
    checkedInVia: checkInChannel('checked_in_via'),
    checkedOutAt: tstz('checked_out_at'),
    checkedOutById: uuid('checked_out_by_id').references(() => users.id),
    /** The resource's return checklist as answered at check-out. */
    checkoutChecklist: jsonb('checkout_checklist').$type<ChecklistAnswer[]>(),
    checkoutCondition: visitCondition('checkout_condition'),
    checkoutNotes: text('checkout_notes'),
    /** In use past its end and completed by the job: nobody checked out. */
    notCheckedOut: boolean('not_checked_out').notNull().default(false),
    inspectionResult: visitCondition('inspection_result'),
    inspectionNote: text('inspection_note'),
    inspectedById: uuid('inspected_by_id').references(() => users.id),
    inspectedAt: tstz('inspected_at'),
    /** Set when a serious incident takes the resource out of service. */
    flaggedReason: text('flagged_reason'),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** A booking of a recurring series, and its number in the series' rule (1-based). */
    seriesId: uuid('series_id').references((): AnyPgColumn => bookingSeries.id),
    occurrenceNo: integer('occurrence_no'),
  },
  (t) => [
    check('bookings_series_occurrence', sql`(${t.seriesId} IS NULL) = (${t.occurrenceNo} IS NULL)`),
    uniqueIndex('bookings_series_occurrence_idx').on(t.seriesId, t.occurrenceNo),
    check('bookings_order', sql`${t.startAt} < ${t.endAt}`),
    check(
      'bookings_requester',
      sql`(${t.requesterKind} = 'staff' AND ${t.requesterUserId} IS NOT NULL) OR (${t.requesterKind} = 'customer' AND ${t.contactEmail} IS NOT NULL)`,
    ),
    index('bookings_resource_start_idx').on(t.resourceId, t.startAt),
    /**
     * The calendars' look-up: what a resource shows over a window, bounded at both ends by the
     * range overlap (a (resource, start) b-tree bounds only the start from above, so a future
     * week would read the resource's whole history). Only the statuses a calendar shows.
     */
    index('bookings_calendar_idx')
      .using('gist', t.resourceId, sql`tstzrange(${t.startAt}, ${t.endAt}, '[)')`)
      .where(sql`${t.status} IN ('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use', 'completed')`),
    index('bookings_status_idx').on(t.status, t.submittedAt),
    /** The visit jobs look for confirmed / in-use bookings by start. */
    index('bookings_status_start_idx').on(t.status, t.startAt),
    index('bookings_requester_idx').on(t.requesterUserId),
    /**
     * The register's keyset pages (lib/booking/register.ts): a seek on (sort column, id) in
     * either direction reads just the page, however many bookings there are. The reports and the
     * ledger's period (every resource's bookings starting in some days) use it too.
     */
    index('bookings_register_start_idx').on(t.startAt, t.id),
    index('bookings_register_submitted_idx').on(t.submittedAt, t.id),
    index('bookings_contact_email_idx').on(sql`lower(${t.contactEmail})`),
  ],
);

/** Audit trail: every status change and every note (who, when, from → to, opinion). */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    fromStatus: bookingStatus('from_status'),
    toStatus: bookingStatus('to_status'),
    action: text('action').notNull(),
    actorKind: eventActorKind('actor_kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.createdAt)],
);

export const coordinationRequests = pgTable(
  'coordination_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    message: text('message').notNull(),
    requestedById: uuid('requested_by_id')
      .notNull()
      .references(() => users.id),
    answer: coordinationAnswer('answer'),
    comment: text('comment'),
    answeredById: uuid('answered_by_id').references(() => users.id),
    answeredAt: tstz('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coordination_booking_department_key').on(t.bookingId, t.departmentId)],
);

/**
 * Requests to move a booking (product rule 9). While one is `pending` it holds its new slot
 * (`hold_start/hold_end`, filled by trigger from the target resource's buffers) beside the
 * booking's own; at most one is pending per booking.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    /** The target resource: the booking's own unless another was asked for. */
    newResourceId: uuid('new_resource_id')
      .notNull()
      .references(() => resources.id),
    newStartAt: tstz('new_start_at').notNull(),
    newEndAt: tstz('new_end_at').notNull(),
    holdStart: tstz('hold_start'),
    holdEnd: tstz('hold_end'),
    reason: text('reason').notNull(),
    status: changeRequestStatus('status').notNull().default('pending'),
    /** The signed-in user who asked; null when the customer asked through their link. */
    requestedById: uuid('requested_by_id').references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decisionNote: text('decision_note'),
    decidedAt: tstz('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('change_requests_order', sql`${t.newStartAt} < ${t.newEndAt}`),
    uniqueIndex('change_requests_one_pending_key').on(t.bookingId).where(sql`${t.status} = 'pending'`),
    index('change_requests_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * Every slot held right now, whoever holds it: holding bookings and pending change requests,
 * kept by triggers (db/migrations, hand-written part). One exclusion constraint over this table
 * is first come, first served for both; a change request never stands in its own booking's way
 * (same `booking_id`). New or widened holds are refused where a blackout lies.
 */
export const slotHolds = pgTable(
  'slot_holds',
  {
    /** The booking's or the change request's id. */
    sourceId: uuid('source_id').primaryKey(),
    source: text('source').$type<'booking' | 'change_request'>().notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    startAt: tstz('start_at').notNull(),
    endAt: tstz('end_at').notNull(),
    holdStart: tstz('hold_start').notNull(),
    holdEnd: tstz('hold_end').notNull(),
  },
  (t) => [check('slot_holds_order', sql`${t.holdStart} < ${t.holdEnd}`)],
);

/** Damage and abnormality reports (product rule 10). */
export const incidents = pgTable('incidents', {
  id: uuid('id').primaryKey().defaultRandom(),
  resourceId: uuid('resource_id')
    .notNull()
    .references(() => resources.id),
  bookingId: uuid('booking_id').references(() => bookings.id),
  reportedById: uuid('reported_by_id').references(() => users.id),
  severity: incidentSeverity('severity').notNull(),
  description: text('description').notNull(),
  takesOutOfService: boolean('takes_out_of_service').notNull().default(false),
  status: incidentStatus('status').notNull().default('open'),
  /** A blocking report's end of maintenance; null: until resolved. */
  blockUntil: tstz('block_until'),
  resolution: text('resolution'),
  resolvedAt: tstz('resolved_at'),
  resolvedById: uuid('resolved_by_id').references(() => users.id),
  createdAt: createdAt(),
});

/** Held bookings inside a blocking report's window: flagged, their applicants told once. */
export const incidentAffectedBookings = pgTable(
  'incident_affected_bookings',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.bookingId] }), index('incident_affected_booking_idx').on(t.bookingId)],
);

/**
 * People waiting for a taken slot: staff (their account) and customers from the public page
 * (no account: the name and address they gave, and the language they asked in). The
 * notify-waitlist job tells the earliest waiter whose wanted time has become free, once
 * (`notified_at`), with a link to request it.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    /** The staff member waiting; null for a customer. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** A customer's name, lower-case address and language; null for staff. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    locale: locale('locale'),
    startAt: tstz('start_at').notNull(),
    endAt: tstz('end_at').notNull(),
    status: waitlistStatus('status').notNull().default('waiting'),
    notifiedAt: tstz('notified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('waitlist_entries_order', sql`${t.startAt} < ${t.endAt}`),
    check(
      'waitlist_entries_who',
      sql`(${t.userId} is not null and ${t.contactEmail} is null) or (${t.userId} is null and ${t.contactEmail} is not null and ${t.contactName} is not null and ${t.locale} is not null)`,
    ),
    index('waitlist_entries_due_idx').on(t.status, t.resourceId, t.startAt),
    index('waitlist_entries_user_idx').on(t.userId, t.startAt),
    uniqueIndex('waitlist_entries_one_per_slot_key')
      .on(t.userId, t.resourceId, t.startAt, t.endAt)
      .where(sql`${t.status} = 'waiting'`),
    uniqueIndex('waitlist_entries_one_per_customer_slot_key')
      .on(t.contactEmail, t.resourceId, t.startAt, t.endAt)
      .where(sql`${t.status} = 'waiting' and ${t.userId} is null`),
  ],
);

/** A department's word to administration (policy II.2): an idea, or something that went wrong. */
export const feedbackKind = pgEnum('feedback_kind', ['suggestion', 'complaint']);

/**
 * Staff suggestions and complaints about a resource or the booking process, with admin's answer
 * (policy II.2). The sender sees their own and the answer; admin sees all and may turn one into
 * a rectification item (its `source`).
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: feedbackKind('kind').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    /** The sender's department when it was sent, so moving people does not move their words. */
    departmentId: uuid('department_id').references(() => departments.id),
    resourceId: uuid('resource_id').references(() => resources.id),
    message: text('message').notNull(),
    answer: text('answer'),
    answeredById: uuid('answered_by_id').references(() => users.id),
    answeredAt: tstz('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_author_idx').on(t.authorUserId, t.createdAt), index('feedback_created_idx').on(t.createdAt)],
);

/** The life of a rectification item (整改); the transitions are lib/rectifications/state.ts. */
export const rectificationStatus = pgEnum('rectification_status', ['open', 'in_progress', 'done', 'verified']);
/** What an item came from: a damage report, a suggestion, a survey answer, a booking, or nothing. */
export const rectificationSourceKind = pgEnum('rectification_source_kind', ['incident', 'suggestion', 'survey', 'booking', 'none']);

/**
 * Something to put right (整改, policy II.3), owned by a department until a due date. The owner
 * department's contacts are e-mailed when it is assigned and once when it is overdue
 * (`overdue_notified_at` is that once). Every change is a row of `rectification_events`.
 */
export const rectifications = pgTable(
  'rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    resourceId: uuid('resource_id').references(() => resources.id),
    ownerDepartmentId: uuid('owner_department_id')
      .notNull()
      .references(() => departments.id),
    /** The last day to finish it, a calendar date in the organisation's zone. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: rectificationStatus('status').notNull().default('open'),
    sourceKind: rectificationSourceKind('source_kind').notNull().default('none'),
    /** The id of the incident, feedback, survey answer or booking; several tables, so no foreign key. */
    sourceId: uuid('source_id'),
    createdById: uuid('created_by_id').references(() => users.id),
    overdueNotifiedAt: tstz('overdue_notified_at'),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('rectifications_status_due_idx').on(t.status, t.dueDate),
    index('rectifications_source_idx').on(t.sourceKind, t.sourceId),
    check('rectifications_source_id', sql`(${t.sourceKind} = 'none') = (${t.sourceId} is null)`),
  ],
);

/** A rectification item's history: created, status changed, reassigned, a note, the overdue notice. */
export const rectificationEvents = pgTable(
  'rectification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rectificationId: uuid('rectification_id')
      .notNull()
      .references(() => rectifications.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull().defaultNow(),
    /** Null for the scheduled job. */
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull().default(''),
    /** created, status, reassigned, note, overdue_notified */
    action: text('action').notNull(),
    fromStatus: rectificationStatus('from_status'),
    toStatus: rectificationStatus('to_status'),
    /** What changed besides the status (owner department, due date), old and new. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('rectification_events_item_idx').on(t.rectificationId, t.at)],
);

/** Customer service's record of telling a customer (policy III.3). */
export const customerContacts = pgTable('customer_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  bookingId: uuid('booking_id')
    .notNull()
    .references(() => bookings.id, { onDelete: 'cascade' }),
  method: contactMethod('method').notNull(),
  contactedAt: tstz('contacted_at').notNull(),
  note: text('note').notNull().default(''),
  recordedById: uuid('recorded_by_id')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Policy values and the holiday calendar
// ---------------------------------------------------------------------------------------------

/** The policy's [X] values: one row (id = 1), every column with the product.md default. */
export const policySettings = pgTable(
  'policy_settings',
  {
    id: integer('id').primaryKey().default(1),
    staffLeadWorkingDays: integer('staff_lead_working_days').notNull().default(1),
    customerMinNoticeHours: integer('customer_min_notice_hours').notNull().default(24),
    confirmWindowHours: integer('confirm_window_hours').notNull().default(24),
    changeNoticeHours: integer('change_notice_hours').notNull().default(24),
    noShowGraceMinutes: integer('no_show_grace_minutes').notNull().default(15),
    /** How long before the start check-in opens. */
    checkInOpensMinutes: integer('check_in_opens_minutes').notNull().default(15),
    confirmationReminderHours: integer('confirmation_reminder_hours').notNull().default(6),
    visitReminderHours: integer('visit_reminder_hours').notNull().default(24),
    followUpSurveyHours: integer('follow_up_survey_hours').notNull().default(2),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    defaultLocale: locale('default_locale').notNull().default('zh'),
    /** How far ahead a booking may start. */
    bookingHorizonDays: integer('booking_horizon_days').notNull().default(90),
    /** How far ahead a recurring series may reach: past the single-booking horizon. */
    seriesHorizonDays: integer('series_horizon_days').notNull().default(400),
    /** Open (not ended) public requests allowed per e-mail address. */
    customerMaxOpenRequests: integer('customer_max_open_requests').notNull().default(3),
    serviceMailbox: text('service_mailbox').notNull().default('service@example.com'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    updatedById: uuid('updated_by_id').references(() => users.id),
  },
  (t) => [
    check('policy_settings_check_in_opens', sql`${t.checkInOpensMinutes} >= 0`),
    check('policy_settings_series_horizon', sql`${t.seriesHorizonDays} > 0`),
    check('policy_settings_single_row', sql`${t.id} = 1`),
    check(
      'policy_settings_nonnegative',
      sql`${t.staffLeadWorkingDays} >= 0 AND ${t.customerMinNoticeHours} >= 0 AND ${t.confirmWindowHours} > 0 AND ${t.changeNoticeHours} >= 0 AND ${t.noShowGraceMinutes} >= 0 AND ${t.confirmationReminderHours} >= 0 AND ${t.visitReminderHours} >= 0 AND ${t.followUpSurveyHours} >= 0 AND ${t.bookingHorizonDays} > 0 AND ${t.customerMaxOpenRequests} > 0`,
    ),
  ],
);

/** Official holidays and 调休 make-up working days. Any other weekend day is a day off. */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: holidayKind('kind').notNull(),
  name: text('name').notNull(),
});

// ---------------------------------------------------------------------------------------------
// E-mail and links
// ---------------------------------------------------------------------------------------------

/**
 * Every e-mail is written here in the same transaction as the change it reports and delivered
 * by the outbox job. `dedupe_key` (booking, kind, occasion) makes a second send impossible.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    locale: locale('locale').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
    /**
     * Queue order. One booking's mails go out in this order: a mail waits while an earlier one
     * for the same booking is still pending (lib/mail/deliver.ts). `created_at` cannot tell
     * apart the rows one transaction writes.
     */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_booking_pending_idx').on(t.bookingId, t.seq).where(sql`${t.status} = 'pending'`),
    // A booking's mails whatever their status: whether an invitation went out (lib/mail/notify.ts
    // invitationQueued) is asked on every confirmation, cancellation and move, one booking at a time.
    index('email_outbox_booking_idx').on(t.bookingId, t.template),
  ],
);

/** Single-purpose link tokens; only the SHA-256 of the token is stored. */
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: tokenPurpose('purpose').notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('action_tokens_booking_idx').on(t.bookingId)],
);

/**
 * Replies that named a booking without a valid signature (lib/inbound): ignored, and kept here
 * for admin to see on the mail page. One row per received message.
 */
export const refusedReplies = pgTable(
  'refused_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `unsigned`: the address or Message-ID had no signature; `bad_signature`: a wrong one. */
    reason: text('reason').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull().default(''),
    messageId: text('message_id'),
    /** The booking the reply named, when it exists. */
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refused_replies_message_id_key').on(t.messageId), index('refused_replies_received_idx').on(t.receivedAt)],
);

// ---------------------------------------------------------------------------------------------
// Access for other systems: API tokens, idempotent requests, calendar feeds
// ---------------------------------------------------------------------------------------------

export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);

/**
 * Personal API tokens (lib/api-tokens): a request with `Authorization: Bearer <token>` acts as
 * `user_id` within `scopes`. Only the SHA-256 of the token is kept; it is shown once.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: apiTokenScope('scopes').array().notNull(),
    expiresAt: tstz('expires_at'),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
    /** Who made it: the person, or admin on their behalf. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId, t.createdAt)],
);

/**
 * One row per `Idempotency-Key` a user sent with a POST (lib/api/idempotency.ts): the request's
 * fingerprint and, once the first request finished, its answer to replay. `status` is null
 * while the first request is still running.
 */
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: text('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotent_requests_created_idx').on(t.createdAt)],
);

export const feedKind = pgEnum('feed_kind', ['personal', 'resource']);

/**
 * Secret calendar-feed URLs (/api/v1/feeds/{token}.ics): one live row per user and kind (and
 * resource). The token is derived from the row's id (lib/feeds/tokens.ts); only its hash is
 * kept. Regenerating deletes the row, so the old URL stops working.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: feedKind('kind').notNull(),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /**
     * The ETag of the feed as last served and when it became that: `Last-Modified` is the
     * moment the content last changed (an event that left the feed included).
     */
    etag: text('etag'),
    changedAt: tstz('changed_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_owner_key').on(t.userId, t.kind, sql`coalesce(${t.resourceId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    check('calendar_feeds_resource_ck', sql`(${t.kind} = 'resource') = (${t.resourceId} is not null)`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Group-bot notices (WeCom, DingTalk, Feishu)
// ---------------------------------------------------------------------------------------------

export const botKind = pgEnum('bot_kind', ['wecom', 'dingtalk', 'feishu']);

/** A group chat's bot webhook that admin set up, and which events it is told about (lib/notices). */
export const notificationChannels = pgTable('notification_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: botKind('kind').notNull(),
  name: text('name').notNull(),
  /** Holds the bot's key or access token: never shown back, never logged. */
  webhookUrl: text('webhook_url').notNull(),
  /** DingTalk's / Feishu's signing secret; never shown back. */
  secret: text('secret'),
  events: text('events').array().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/**
 * Notices waiting for a group bot, delivered like the e-mail outbox (lib/notices/deliver.ts):
 * `dedupe_key` (event, item, channel) makes a second notice impossible, rows are claimed with
 * a lease, retried with backoff, and `dead` ones stay for admin to see.
 */
export const noticeOutbox = pgTable(
  'notice_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notice_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

// ---------------------------------------------------------------------------------------------
// The audit log of administration
// ---------------------------------------------------------------------------------------------

/** What an audit entry is about. Booking transitions keep their own trail (booking_events). */
export const auditEntity = pgEnum('audit_entity', [
  'resource',
  'resource_type',
  'maintenance',
  'setting',
  'holiday',
  'user',
  'department',
  'mail',
]);

/**
 * Every change admin makes outside a booking's own life: who, when, what, the values before and
 * after (only the fields that changed) and a reason. Append-only: a trigger (hand-written in the
 * migration) refuses UPDATE and DELETE, and no screen or route offers either.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: tstz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** The actor's name at the time, so the entry reads the same after a rename. */
    actorName: text('actor_name').notNull(),
    entity: auditEntity('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** create, update, retire, end, disable, reset_password … */
    action: text('action').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.at), index('audit_log_at_idx').on(t.at)],
);

/**
 * One-use links to set a password: sent to a new account and on a reset. Only the SHA-256 of
 * the token is stored; the mail's placeholder is filled in when it is sent (lib/tokens.ts).
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_tokens_user_idx').on(t.userId)],
);

/**
 * Customer follow-up surveys (policy II.3): one per completed customer booking, queued by the
 * follow-up job (lib/surveys/send.ts) with a one-use link. Only the SHA-256 of the link's token is
 * stored (lib/tokens.ts; the row's id keys the token). The answer is written once, together with
 * `answered_at`; `seen_at` is when customer service first marked it read.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .unique()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    sentAt: tstz('sent_at').notNull().defaultNow(),
    answeredAt: tstz('answered_at'),
    overall: integer('overall'),
    condition: integer('condition'),
    service: integer('service'),
    comment: text('comment').notNull().default(''),
    mayContact: boolean('may_contact'),
    seenAt: tstz('seen_at'),
    seenById: uuid('seen_by_id').references(() => users.id),
  },
  (t) => [
    check(
      'surveys_scores',
      sql`(${t.answeredAt} IS NULL AND ${t.overall} IS NULL AND ${t.condition} IS NULL AND ${t.service} IS NULL AND ${t.mayContact} IS NULL)
        OR (${t.answeredAt} IS NOT NULL AND ${t.overall} BETWEEN 1 AND 5 AND ${t.condition} BETWEEN 1 AND 5 AND ${t.service} BETWEEN 1 AND 5 AND ${t.mayContact} IS NOT NULL)`,
    ),
    /** Customer service's list of answers, newest first. */
    index('surveys_answered_idx').on(t.answeredAt).where(sql`${t.answeredAt} IS NOT NULL`),
  ],
);

/** Rate-limit counters for the public channel (rate-limiter-flexible's Drizzle store), shared by every instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: tstz('expire'),
});

export type User = typeof users.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type ResourceType = typeof resourceTypes.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type BookingSeries = typeof bookingSeries.$inferSelect;
export type BookingStatus = (typeof bookingStatus.enumValues)[number];
export type BookingEvent = typeof bookingEvents.$inferSelect;
export type CoordinationRequest = typeof coordinationRequests.$inferSelect;
export type ChangeRequest = typeof changeRequests.$inferSelect;
export type PolicySettings = typeof policySettings.$inferSelect;
export type Holiday = typeof holidays.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type Locale = (typeof locale.enumValues)[number];
export type VisitCondition = (typeof visitCondition.enumValues)[number];
export type CheckInChannel = (typeof checkInChannel.enumValues)[number];
export type Incident = typeof incidents.$inferSelect;
export type IncidentSeverity = (typeof incidentSeverity.enumValues)[number];
export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiTokenScope = (typeof apiTokenScope.enumValues)[number];
export type FeedKind = (typeof feedKind.enumValues)[number];
export type BotKind = (typeof botKind.enumValues)[number];
export type NotificationChannel = typeof notificationChannels.$inferSelect;
export type NoticeRow = typeof noticeOutbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type AuditEntity = (typeof auditEntity.enumValues)[number];
export type Survey = typeof surveys.$inferSelect;
export type Feedback = typeof feedback.$inferSelect;
export type FeedbackKind = (typeof feedbackKind.enumValues)[number];
export type Rectification = typeof rectifications.$inferSelect;
export type RectificationStatus = (typeof rectificationStatus.enumValues)[number];
export type RectificationSourceKind = (typeof rectificationSourceKind.enumValues)[number];
export type RectificationEvent = typeof rectificationEvents.$inferSelect;
