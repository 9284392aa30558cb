/**
 * A staff request (policy III.1): from the portal for oneself, or typed in by admin from a paper
 * form, a phone call or an e-mail on behalf of a member of staff. The checks run in the
 * contract's order; the slot is held by the insert itself (the exclusion constraint decides
 * between simultaneous requests) and blackouts are checked in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { preparedOnce } from '@/db/prepared-once';
import { bookingEvents, bookings, users, type Booking, type NewBooking, type Resource } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { requestReceivedEntry, type Recipient } from '@/lib/mail/notify';
import { outboxDocuments, outboxWrites } from '@/lib/mail/outbox';
import { withAlternatives } from './alternatives';
import type { SlotQuery } from './availability';
import { loadRequestContext, withHorizon, type HorizonRule, type LoadedContext } from './context';
import { eventRow, type EventInput } from './events';
import { assertSlotRules, type NoticeRule } from './rules';
import { adminEntrySchema, parseInput, staffRequestSchema, type AdminEntryInput, type StaffRequestInput } from './schemas';

/** A new booking's version (the column's default, spelled out: its first mail's dedupe key has it). */
const FIRST_VERSION = 1;

export interface CreateOptions {
  now?: Date;
  /** `series`: an occurrence of a recurring series, held to the series horizon. */
  horizon?: HorizonRule;
  /** False: no "request received" mail (a series sends one for all its dates). */
  receivedMail?: boolean;
}

/** Accepts parsed values or the raw form/JSON values (ISO strings for times). */
type RawInput<T> = { [K in keyof T]?: unknown };

function isAdminEntry(input: RawInput<StaffRequestInput> | RawInput<AdminEntryInput>): boolean {
  return 'onBehalfOfUserId' in input && input.onBehalfOfUserId !== undefined;
}

export async function createStaffRequest(
  db: Db,
  actor: Actor,
  input: StaffRequestInput | AdminEntryInput | RawInput<AdminEntryInput>,
  opts: CreateOptions = {},
): Promise<Booking> {
  const user = isAdminEntry(input) ? requireAdmin(actor) : requireUser(actor);
  const entry = isAdminEntry(input) ? parseInput(adminEntrySchema, input) : null;
  const request = entry ?? parseInput(staffRequestSchema, input);

  const requester = entry ? await loadRequester(db, entry.onBehalfOfUserId) : user;
  const departmentId = request.departmentId ?? requester.departmentId;
  // Read before the insert, in one statement: nothing here needs the hold, and the time the
  // resource's schedule stays locked is the insert's alone.
  const refs = { resourceId: request.resourceId, departmentId };
  const { ctx: loaded, resource, departmentKnown } = await loadRequestContext(db, opts.now ?? new Date(), request, refs);
  const ctx = withHorizon(loaded, opts.horizon);
  assertDepartment(departmentId, departmentKnown);
  const notice: NoticeRule = entry?.leadTimeOverrideReason ? 'override' : 'staff';
  const holdsSlot = entry ? entry.holdsSlot : true;
  const channel = entry ? entry.channel : 'portal';
  const query: SlotQuery = { ...request, requesterKind: 'staff' };

  const insert = () => {
    assertSlotRules(resource, request, notice, ctx);
    const submit = (tx: Db) =>
      insertSubmittedBooking(
        tx,
        ctx,
        resource,
        {
          requesterKind: 'staff',
          requesterUserId: requester.id,
          enteredById: entry ? user.id : null,
          contactName: requester.name,
          contactPhone: request.phone,
          contactEmail: requester.email,
          departmentId,
          locale: requester.locale,
          channel,
          purpose: request.purpose,
          attendees: request.attendees ?? null,
          specialNeeds: request.specialNeeds ?? '',
          startAt: request.startAt,
          endAt: request.endAt,
          holdsSlot,
          leadTimeOverrideReason: entry?.leadTimeOverrideReason ?? null,
        },
        {
          actor: user,
          note: entry?.leadTimeOverrideReason ?? null,
          data: {
            channel,
            ...(entry && { onBehalfOfUserId: requester.id, holdsSlot }),
            ...(entry?.leadTimeOverrideReason && { leadTimeOverride: entry.leadTimeOverrideReason }),
          },
        },
        opts.receivedMail === false ? null : { email: requester.email, name: requester.name, locale: requester.locale },
      );
    // One statement, atomic alone. Inside a caller's transaction (a series), a savepoint keeps a
    // refused date from aborting the caller's work: the series goes on with its next date.
    return isTransaction(db) ? db.transaction(submit) : submit(db);
  };

  return withAlternatives(db, ctx, query, notice, insert);
}

/**
 * Writes a new request on `resource`, whatever the channel, after its slot rules: the booking,
 * its `submitted` event and the "request received" mail to `applicant` (for a customer it
 * carries their manage link, lib/mail/notify.ts), in ONE statement of data-modifying CTEs, which
 * needs no transaction of its own: a statement is atomic. The mail is built from what is at
 * hand; nothing is read back.
 *
 * A slot it holds is taken by the INSERT itself: its triggers queue on the resource's schedule
 * lock (lockResourceSchedule), refuse a blackout or a hold already there, and the exclusion
 * constraint decides between simultaneous requests (23P01 either way). So the lock is held for
 * this one statement, or from it to the caller's COMMIT.
 *
 * The database numbers the row (BK-<year>-<6 digits>, migration 0020) once the hold is sure, so
 * a refused request never consumes a BK number; the mail takes the number from the inserted row
 * within the statement. Sequences are not transactional: what fails after the draw — the mail's
 * insert, a lost connection, a crash before COMMIT — still leaves a gap, but nothing a requester
 * can cause by asking for a taken slot.
 */
export async function insertSubmittedBooking(
  db: Db,
  ctx: LoadedContext,
  resource: Resource,
  values: Omit<NewBooking, 'resourceId' | 'reference' | 'submittedAt' | 'updatedAt' | 'version'> & { holdsSlot: boolean },
  submitted: Pick<EventInput, 'actor' | 'note' | 'data'>,
  applicant: Recipient | null,
  guard?: InsertGuard,
): Promise<Booking> {
  const { now } = ctx;
  const row = { ...values, id: randomUUID(), resourceId: resource.id, version: FIRST_VERSION, submittedAt: now, updatedAt: now };
  const draft = { ...row, purpose: row.purpose ?? '', attendees: row.attendees ?? null };
  const mails = applicant ? [await requestReceivedEntry(db, draft, { resource, settings: ctx.settings }, applicant)] : [];
  const event = eventRow({ bookingId: row.id, fromStatus: null, toStatus: row.status ?? 'pending', action: 'submitted', ...submitted });
  // A column left undefined takes its default: the statement differs by which columns are given.
  const columns = (Object.keys(row) as (keyof typeof row)[]).filter((column) => row[column] !== undefined).sort();
  const key = `insertSubmittedBooking:${columns.join(',')}:${guard?.key ?? ''}`;
  const statement = preparedOnce(db, key, () => submittedBookingStatement(db, columns, guard?.query));
  const [booking] = await statement.execute({ ...row, ...prefixed('event_', event), ...outboxDocuments(mails), ...guard?.values });
  return booking;
}

/**
 * A check the statement writing a booking runs first, before the row is formed: a query over
 * placeholders of its own (their values in `values`) that raises to refuse, so a refused request
 * draws no BK number. `key` names the kind of check: the statement is built once per kind.
 */
export interface InsertGuard {
  key: string;
  query: SQL;
  values: Record<string, unknown>;
}

type EventRow = ReturnType<typeof eventRow>;
const EVENT_COLUMNS = ['bookingId', 'fromStatus', 'toStatus', 'action', 'actorKind', 'actorUserId', 'note', 'data'] as const satisfies (keyof EventRow)[];

function prefixed<T extends object>(prefix: string, values: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [prefix + key, value]));
}

/**
 * The statement of `insertSubmittedBooking`, with placeholders: the booking's `columns` by name,
 * the event's as `event_<column>`, the outbox's two documents (`mails`, `tokens`) and the guard's.
 */
function submittedBookingStatement(db: Db, columns: readonly (keyof NewBooking)[], guard?: SQL) {
  const placeholders = (names: readonly string[], prefix = '') => Object.fromEntries(names.map((name) => [name, sql.placeholder(prefix + name)]));
  const checked = guard && db.$with('guard', {}).as(guard);
  // The trigger numbers a row inserted without a reference; the NULL read from the guard's row
  // makes the guard run before the row is formed.
  const reference = checked ? sql`(select null::text from ${sql.identifier('guard')})` : sql`null`;
  const inserted = db
    .$with('booking')
    .as(
      db
        .insert(bookings)
        .values({ ...(placeholders(columns) as unknown as NewBooking), reference })
        .returning(),
    );
  // The event's and the mail's foreign keys are checked at the statement's end, when the booking
  // is there.
  const submitted = db
    .$with('submitted')
    .as(
      db
        .insert(bookingEvents)
        .values(placeholders(EVENT_COLUMNS, 'event_') as unknown as EventRow)
        .returning({ id: bookingEvents.id }),
    );
  const writes = outboxWrites({ mails: sql.placeholder('mails'), tokens: sql.placeholder('tokens') }, { cte: 'booking' });
  const queued = db.$with('queued', {}).as(writes.queued);
  const tokens = db.$with('tokens', {}).as(writes.tokens);
  return db
    .with(...(checked ? [checked] : []), inserted, submitted, queued, tokens)
    .select()
    .from(inserted)
    .prepare('insert_submitted_booking');
}

/** Whether `db` is a transaction. Not a type guard on purpose: `db` stays a `Db` (a transaction is one). */
function isTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

async function loadRequester(db: Db, userId: string) {
  const [requester] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      departmentId: users.departmentId,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!requester) throw new DomainError('invalid_input', undefined, { fields: { onBehalfOfUserId: ['unknown_user'] } });
  return requester;
}

/** Rule 5: every staff request names a department (the requester's unless another is chosen). */
function assertDepartment(departmentId: string | null | undefined, known: boolean): void {
  if (!known) {
    throw new DomainError('invalid_input', undefined, {
      fields: { departmentId: [departmentId ? 'invalid_id' : 'required'] },
    });
  }
}
