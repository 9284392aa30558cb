'use server';

/**
 * The service desk's filing form: a request for a customer who phoned or wrote, or a priority
 * request asking admin to displace the staff booking in the way. Parse → actor → the customer
 * domain (which checks the role again) → a typed answer. A taken slot also names the staff
 * bookings holding it, so that customer service can turn the request into a priority request.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { BookingStatus } from '@/db/schema';
import { currentActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz';
import { getResourceCalendar } from '@/lib/booking/availability';
import { listResources } from '@/lib/booking/queries';
import { TRANSITIONS } from '@/lib/booking/state';
import { filePriorityRequest } from '@/lib/booking/displacement';
import { fileCustomerRequest } from '@/lib/customer/service-desk';
import { actionFailure, type ActionFailure } from '@/lib/forms/action-result';
import { localizeError } from '@/lib/i18n/error-message';

/** A staff booking holding (part of) the wanted slot: what customer service may ask to displace. */
export interface SlotBlocker {
  id: string;
  startAt: string;
  endAt: string;
  status: BookingStatus;
  purpose: string | null;
}

export type DeskFileResult = { ok: true; id: string; reference: string } | (ActionFailure & { blockers?: SlotBlocker[] });

const MINUTE = 60_000;
const DAY = 86_400_000;

const slotSchema = z.object({ resourceId: z.uuid(), startAt: z.coerce.date(), endAt: z.coerce.date() });

/**
 * Staff bookings whose hold overlaps the hold the customer's slot would need (both widened by
 * the resource's set-up and clean-up buffers) and that could still be cancelled. A shortlist
 * to choose from: filePriorityRequest decides whether the chosen one really stands in the way.
 */
async function staffBlockers(db: Db, actor: Actor, input: unknown): Promise<SlotBlocker[]> {
  const parsed = slotSchema.safeParse(input);
  if (!parsed.success || parsed.data.endAt <= parsed.data.startAt) return [];
  const { resourceId, startAt, endAt } = parsed.data;
  const resource = (await listResources(db, { customerBookableOnly: true })).find((r) => r.id === resourceId);
  if (!resource) return [];
  const before = resource.setupBufferMinutes * MINUTE;
  const after = resource.cleanupBufferMinutes * MINUTE;
  const entries = await getResourceCalendar(
    db,
    actor,
    [resourceId],
    new Date(startAt.getTime() - DAY),
    new Date(endAt.getTime() + DAY),
  );
  const cancellable: readonly BookingStatus[] = TRANSITIONS.cancel.from;
  return entries
    .filter(
      (e) =>
        e.kind === 'booking' &&
        e.requesterKind === 'staff' &&
        e.status !== null &&
        cancellable.includes(e.status) &&
        e.startAt.getTime() - before < endAt.getTime() + after &&
        e.endAt.getTime() + after > startAt.getTime() - before,
    )
    .map((e) => ({
      id: e.id,
      startAt: e.startAt.toISOString(),
      endAt: e.endAt.toISOString(),
      status: e.status as BookingStatus,
      purpose: e.title,
    }));
}

const wantedResource = (input: unknown) => {
  const wanted = typeof input === 'object' && input !== null ? (input as { resourceId?: unknown }).resourceId : undefined;
  return typeof wanted === 'string' ? wanted : undefined;
};

export async function fileCustomerRequestAction(input: unknown): Promise<DeskFileResult> {
  const [db, actor] = await Promise.all([getDb(), currentActor()]);
  try {
    const booking = await fileCustomerRequest(db, actor, input);
    revalidatePath('/desk');
    return { ok: true, id: booking.id, reference: booking.reference };
  } catch (error) {
    const failure = await actionFailure(error, wantedResource(input));
    if (failure.code !== 'slot_taken') return failure;
    return { ...failure, blockers: await staffBlockers(db, actor, input) };
  }
}

export async function filePriorityRequestAction(input: unknown): Promise<DeskFileResult> {
  const [db, actor] = await Promise.all([getDb(), currentActor()]);
  try {
    const booking = await filePriorityRequest(db, actor, input);
    revalidatePath('/desk');
    revalidatePath('/admin/review');
    return { ok: true, id: booking.id, reference: booking.reference };
  } catch (error) {
    return actionFailure(error, wantedResource(input));
  }
}

export type BlockersResult = { ok: true; blockers: SlotBlocker[] } | { ok: false; message: string };

/** The staff bookings in the way of a slot, for choosing the one a priority request names. */
export async function findBlockersAction(input: { resourceId: string; startAt: string; endAt: string }): Promise<BlockersResult> {
  try {
    const [db, actor] = await Promise.all([getDb(), currentActor()]);
    return { ok: true, blockers: await staffBlockers(db, actor, input) };
  } catch (error) {
    return { ok: false, message: (await localizeError(error)).message };
  }
}
