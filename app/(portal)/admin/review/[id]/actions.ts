'use server';

/**
 * Admin's decisions on a request. Each action only reads the form, gets the actor and calls the
 * booking domain, which checks that the actor is admin and that the status allows it. Success
 * goes back to the request page with a notice; a refusal comes back as a localized message
 * with per-field keys, and the typed text is echoed so nothing is lost.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb, type Db } from '@/db';
import { currentActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz';
import { approveBooking, rejectBooking, requestCoordination, requestInfo } from '@/lib/booking/review';
import { approveSchema, fieldErrors } from '@/lib/booking/schemas';
import { approveDisplacement } from '@/lib/booking/displacement';
import { localizeError } from '@/lib/i18n/error-message';
import { getSettings } from '@/lib/settings';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';

/** A datetime-local value ('YYYY-MM-DDTHH:mm', the organisation's wall clock) as an instant. */
function wallClockInstant(value: string, timeZone: string): Date | null {
  const parts = splitWallClock(value.trim());
  return parts && instantOf(parts.day, parts.clock, timeZone);
}

export type DecisionNotice = 'approved' | 'rejected' | 'infoRequested' | 'coordinationRequested';

export type DecisionState = {
  error?: string;
  /** Message keys of the `validation` namespace, by form field. */
  fields?: Record<string, string[]>;
  values?: Record<string, string>;
} | null;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

async function decide(
  bookingId: string,
  values: Record<string, string>,
  notice: DecisionNotice,
  run: (db: Db, actor: Actor) => Promise<unknown>,
): Promise<DecisionState> {
  try {
    await run(await getDb(), await currentActor());
  } catch (error) {
    const { message, fields } = await localizeError(error);
    return { error: message, fields, values };
  }
  revalidatePath('/admin/review');
  revalidatePath(`/admin/review/${bookingId}`);
  redirect(`/admin/review/${encodeURIComponent(bookingId)}?notice=${notice}`);
}

/**
 * Approve as requested (the main button), for a ranked alternative (its button carries
 * `resourceId|startAt|endAt`), or for the resource and times typed in (`move=entered`; the
 * times are wall-clock times of the organisation's zone). The domain checks the new slot again.
 */
export async function approveAction(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const bookingId = text(form, 'bookingId');
  const move = text(form, 'move');
  const values = {
    opinion: text(form, 'opinion'),
    moveResourceId: text(form, 'moveResourceId'),
    moveStart: text(form, 'moveStart'),
    moveEnd: text(form, 'moveEnd'),
  };
  // A priority request takes the slot of the internal booking it names (issue 4's displacement).
  if (text(form, 'mode') === 'displace') {
    return decide(bookingId, values, 'approved', (db, actor) =>
      approveDisplacement(db, actor, { bookingId, opinion: values.opinion }),
    );
  }
  let target: { resourceId?: string; startAt?: string | Date; endAt?: string | Date } = {};
  if (move === 'entered') {
    const { timeZone } = await getSettings(await getDb());
    const startAt = wallClockInstant(values.moveStart, timeZone);
    const endAt = wallClockInstant(values.moveEnd, timeZone);
    // Without both times the domain would approve the request as it stands: stop here.
    if (!startAt || !endAt) {
      const missing = (value: string) => [value.trim() ? 'invalid_date' : 'required'];
      const opinion = approveSchema.safeParse({ opinion: values.opinion });
      return {
        fields: {
          ...(opinion.success ? {} : fieldErrors(opinion.error)),
          ...(!startAt && { moveStart: missing(values.moveStart) }),
          ...(!endAt && { moveEnd: missing(values.moveEnd) }),
        },
        values,
      };
    }
    target = { resourceId: values.moveResourceId, startAt, endAt };
  } else if (move) {
    const [resourceId, startAt, endAt] = move.split('|');
    target = { resourceId, startAt, endAt };
  }
  return decide(bookingId, values, 'approved', (db, actor) =>
    approveBooking(db, actor, { bookingId, opinion: values.opinion, ...target }),
  );
}

export async function rejectAction(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const bookingId = text(form, 'bookingId');
  const values = { reason: text(form, 'reason') };
  return decide(bookingId, values, 'rejected', (db, actor) => rejectBooking(db, actor, { bookingId, ...values }));
}

export async function requestInfoAction(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const bookingId = text(form, 'bookingId');
  const values = { message: text(form, 'message') };
  return decide(bookingId, values, 'infoRequested', (db, actor) => requestInfo(db, actor, { bookingId, ...values }));
}

export async function requestCoordinationAction(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const bookingId = text(form, 'bookingId');
  const departmentIds = form.getAll('departmentIds').filter((v): v is string => typeof v === 'string');
  const values = { message: text(form, 'message'), departmentIds: departmentIds.join(',') };
  return decide(bookingId, values, 'coordinationRequested', (db, actor) =>
    requestCoordination(db, actor, { bookingId, departmentIds, message: values.message }),
  );
}
