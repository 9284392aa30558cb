/**
 * A staff request (policy III.1): from the portal for oneself, or typed in by admin from a paper
 * form, a phone call or an e-mail on behalf of a member of staff. The checks run in the
 * contract's order; the slot is held by the insert itself (the exclusion constraint decides
 * between simultaneous requests) and blackouts are checked in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, departments, resources, users, type Booking, type NewBooking, type Resource } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { dayInZone } from '@/lib/calendar/working-days';
import { DomainError } from '@/lib/errors';
import { notify } from '@/lib/mail/notify';
import { isSlotFree, lockResourceSchedule, withAlternatives, type SlotQuery } from './availability';
import { loadPolicyContext, type LoadedContext } from './context';
import { recordEvent, type EventInput } from './events';
import { assertSlotRules, type NoticeRule } from './rules';
import { adminEntrySchema, parseInput, staffRequestSchema, type AdminEntryInput, type StaffRequestInput } from './schemas';

export interface CreateOptions {
  now?: Date;
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
  await assertDepartment(db, departmentId);

  const ctx = await loadPolicyContext(db, opts.now);
  const notice: NoticeRule = entry?.leadTimeOverrideReason ? 'override' : 'staff';
  const holdsSlot = entry ? entry.holdsSlot : true;
  const channel = entry ? entry.channel : 'portal';
  const query: SlotQuery = { ...request, requesterKind: 'staff' };

  const insert = () =>
    db.transaction(async (tx) => {
      const [resource] = await tx.select().from(resources).where(eq(resources.id, request.resourceId));
      assertSlotRules(resource, request, notice, ctx);
      return insertSubmittedBooking(
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
      );
    });

  return withAlternatives(db, ctx, query, notice, insert);
}

/**
 * Writes a new request on `resource`, whatever the channel, in the caller's transaction (after
 * its slot rules): a slot it holds must be clear of blackouts; then the booking, its human
 * reference, its `submitted` event and the "request received" mail (for a customer it carries
 * their manage link, lib/mail/notify.ts).
 *
 * The reference is drawn only once the INSERT has taken the hold (the exclusion constraint
 * decides there), so a refused request never consumes a BK number. Sequences are not
 * transactional: what fails after the draw — the event or mail insert, a lost connection, a
 * crash before COMMIT — still leaves a gap, but nothing a requester can cause by asking for a
 * taken slot. The row is written under a provisional reference and renumbered in place, which
 * keeps the hold decided by PostgreSQL alone and every writer concurrent (no counter row).
 */
export async function insertSubmittedBooking(
  tx: Db,
  ctx: LoadedContext,
  resource: Resource,
  values: Omit<NewBooking, 'resourceId' | 'reference' | 'submittedAt' | 'updatedAt'> & { holdsSlot: boolean },
  event: Pick<EventInput, 'actor' | 'note' | 'data'>,
): Promise<Booking> {
  const { now } = ctx;
  if (values.holdsSlot) {
    await lockResourceSchedule(tx, resource.id);
    if (!(await isSlotFree(tx, resource, values.startAt, values.endAt, { blackoutsOnly: true }))) {
      throw new DomainError('slot_taken');
    }
  }
  const id = randomUUID();
  await tx
    .insert(bookings)
    .values({ ...values, id, resourceId: resource.id, reference: `new:${id}`, submittedAt: now, updatedAt: now });
  const [booking] = await tx
    .update(bookings)
    .set({ reference: nextReference(now, ctx.settings.timeZone) })
    .where(eq(bookings.id, id))
    .returning();
  await recordEvent(tx, { bookingId: booking.id, fromStatus: null, toStatus: booking.status, action: 'submitted', ...event });
  await notify(tx, 'request_received', booking.id);
  return booking;
}

/** The human reference BK-<year>-<6 digits>, the year in the organisation's zone (every channel). */
function nextReference(now: Date, timeZone: string): SQL {
  return sql`${`BK-${dayInZone(now, timeZone).slice(0, 4)}-`} || lpad(nextval('booking_reference_seq')::text, 6, '0')`;
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
async function assertDepartment(db: Db, departmentId: string | null | undefined): Promise<void> {
  const [found] = departmentId
    ? await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId))
    : [];
  if (!found) {
    throw new DomainError('invalid_input', undefined, {
      fields: { departmentId: [departmentId ? 'invalid_id' : 'required'] },
    });
  }
}
