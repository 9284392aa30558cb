/**
 * A staff request (policy III.1): from the portal for oneself, or typed in by admin from a paper
 * form, a phone call or an e-mail on behalf of a member of staff. The checks run in the
 * contract's order; the slot is held by the insert itself (the exclusion constraint decides
 * between simultaneous requests) and blackouts are checked in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingEvents, bookings, departments, resources, users, type Booking, type NewBooking, type Resource } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { notifyLoaded, type Recipient } from '@/lib/mail/notify';
import { withAlternatives, type SlotQuery } from './availability';
import { loadPolicyContext, withHorizon, type HorizonRule, type LoadedContext } from './context';
import { eventRow, type EventInput } from './events';
import { assertSlotRules, type NoticeRule } from './rules';
import { adminEntrySchema, parseInput, staffRequestSchema, type AdminEntryInput, type StaffRequestInput } from './schemas';

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
  // Read before the transaction, in parallel: nothing here needs the hold, and the time the
  // resource's schedule stays locked is the insert's and its e-mail's alone.
  const [departmentKnown, loaded, resource] = await Promise.all([
    departmentExists(db, departmentId),
    loadPolicyContext(db, opts.now, request),
    loadResource(db, request.resourceId),
  ]);
  const ctx = withHorizon(loaded, opts.horizon);
  assertDepartment(departmentId, departmentKnown);
  const notice: NoticeRule = entry?.leadTimeOverrideReason ? 'override' : 'staff';
  const holdsSlot = entry ? entry.holdsSlot : true;
  const channel = entry ? entry.channel : 'portal';
  const query: SlotQuery = { ...request, requesterKind: 'staff' };

  const insert = () => {
    assertSlotRules(resource, request, notice, ctx);
    return db.transaction((tx) =>
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
      ),
    );
  };

  return withAlternatives(db, ctx, query, notice, insert);
}

/**
 * Writes a new request on `resource`, whatever the channel, in the caller's transaction (after
 * its slot rules): the booking, its `submitted` event and the "request received" mail to
 * `applicant` (for a customer it carries their manage link, lib/mail/notify.ts), built from what
 * is at hand — nothing is read back.
 *
 * A slot it holds is taken by the INSERT itself: its triggers queue on the resource's schedule
 * lock (lockResourceSchedule), refuse a blackout or a hold already there, and the exclusion
 * constraint decides between simultaneous requests (23P01 either way). So the lock is held from
 * the INSERT to the COMMIT only, two statements.
 *
 * The database numbers the row (BK-<year>-<6 digits>, migration 0020) once the hold is sure, so
 * a refused request never consumes a BK number. Sequences are not transactional: what fails
 * after the draw — the mail insert, a lost connection, a crash before COMMIT — still leaves a
 * gap, but nothing a requester can cause by asking for a taken slot.
 */
export async function insertSubmittedBooking(
  tx: Db,
  ctx: LoadedContext,
  resource: Resource,
  values: Omit<NewBooking, 'resourceId' | 'reference' | 'submittedAt' | 'updatedAt'> & { holdsSlot: boolean },
  event: Pick<EventInput, 'actor' | 'note' | 'data'>,
  applicant: Recipient | null,
): Promise<Booking> {
  const { now } = ctx;
  const id = randomUUID();
  // The `submitted` event rides along: one statement for both (its foreign key is checked at
  // the statement's end, when the booking is there).
  const submitted = tx
    .$with('submitted')
    .as(
      tx
        .insert(bookingEvents)
        .values(eventRow({ bookingId: id, fromStatus: null, toStatus: values.status ?? 'pending', action: 'submitted', ...event }))
        .returning({ id: bookingEvents.id }),
    );
  const [booking] = await tx
    .with(submitted)
    .insert(bookings)
    .values({ ...values, id, resourceId: resource.id, reference: sql`null`, submittedAt: now, updatedAt: now })
    .returning();
  await notifyLoaded(tx, 'request_received', { booking, resource, settings: ctx.settings, applicant });
  return booking;
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

async function loadResource(db: Db, resourceId: string): Promise<Resource | undefined> {
  const [resource] = await db.select().from(resources).where(eq(resources.id, resourceId));
  return resource;
}

async function departmentExists(db: Db, departmentId: string | null | undefined): Promise<boolean> {
  if (!departmentId) return false;
  const [found] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  return found !== undefined;
}

/** Rule 5: every staff request names a department (the requester's unless another is chosen). */
function assertDepartment(departmentId: string | null | undefined, known: boolean): void {
  if (!known) {
    throw new DomainError('invalid_input', undefined, {
      fields: { departmentId: [departmentId ? 'invalid_id' : 'required'] },
    });
  }
}
