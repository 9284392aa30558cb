'use server';

/**
 * Admin's decisions on a request. The booking domain checks that the actor is admin and that
 * the status allows it; a success goes back to the request page with a notice, a refusal comes
 * back with the typed text so nothing is lost.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminCancelBooking } from '@/lib/booking/admin-cancel';
import { adminMoveBooking } from '@/lib/booking/admin-move';
import { approveChange } from '@/lib/booking/approve-change';
import { changeFormFields, changeFormInput } from '@/lib/booking/change-form';
import { approveDisplacement } from '@/lib/booking/displacement';
import { rejectChange } from '@/lib/booking/reject-change';
import { approveBooking, rejectBooking, requestCoordination, requestInfo } from '@/lib/booking/review';
import { approveSchema, fieldErrors } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { formList, serverAction } from '@/lib/forms/server-action';
import { getSettings } from '@/lib/settings';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';

export type DecisionNotice =
  | 'approved'
  | 'rejected'
  | 'infoRequested'
  | 'coordinationRequested'
  | 'changeApproved'
  | 'changeRejected'
  | 'moved'
  | 'cancelled';

const text = () => z.string().default('');

/** Back to the request page, which shows the new status and the notice. */
const backToRequest = (notice: DecisionNotice) => (_data: unknown, input: { bookingId: string }) => {
  revalidatePath('/admin/review');
  revalidatePath(`/admin/review/${input.bookingId}`);
  redirect(`/admin/review/${encodeURIComponent(input.bookingId)}?notice=${notice}`);
};

/** A datetime-local value ('YYYY-MM-DDTHH:mm', the organisation's wall clock) as an instant. */
function wallClockInstant(value: string, timeZone: string): Date | null {
  const parts = splitWallClock(value.trim());
  return parts && instantOf(parts.day, parts.clock, timeZone);
}

/**
 * Approve as requested (the main button), for a ranked alternative (its button carries
 * `resourceId|startAt|endAt`), or for the resource and times typed in (`move=entered`; the
 * times are wall-clock times of the organisation's zone). The domain checks the new slot again.
 * A priority request (`mode=displace`) takes the slot of the internal booking it names.
 */
export const approveAction = serverAction({
  input: z.object({
    bookingId: z.string(),
    opinion: text(),
    mode: text(),
    move: text(),
    moveResourceId: text(),
    moveStart: text(),
    moveEnd: text(),
  }),
  run: async ({ db, actor }, input) => {
    const { bookingId, opinion } = input;
    if (input.mode === 'displace') {
      await approveDisplacement(db, actor, { bookingId, opinion });
      return;
    }
    let target: { resourceId?: string; startAt?: string | Date; endAt?: string | Date } = {};
    if (input.move === 'entered') {
      const { timeZone } = await getSettings(db);
      const startAt = wallClockInstant(input.moveStart, timeZone);
      const endAt = wallClockInstant(input.moveEnd, timeZone);
      // Without both times the domain would approve the request as it stands: stop here.
      if (!startAt || !endAt) {
        const missing = (value: string) => [value.trim() ? 'invalid_date' : 'required'];
        const checked = approveSchema.safeParse({ opinion });
        throw new DomainError('invalid_input', undefined, {
          fields: {
            ...(checked.success ? {} : fieldErrors(checked.error)),
            ...(!startAt && { moveStart: missing(input.moveStart) }),
            ...(!endAt && { moveEnd: missing(input.moveEnd) }),
          },
        });
      }
      target = { resourceId: input.moveResourceId, startAt, endAt };
    } else if (input.move) {
      const [resourceId, startAt, endAt] = input.move.split('|');
      target = { resourceId, startAt, endAt };
    }
    await approveBooking(db, actor, { bookingId, opinion, ...target });
  },
  after: backToRequest('approved'),
});

export const rejectAction = serverAction({
  input: z.object({ bookingId: z.string(), reason: text() }),
  run: async ({ db, actor }, input) => {
    await rejectBooking(db, actor, input);
  },
  after: backToRequest('rejected'),
});

export const requestInfoAction = serverAction({
  input: z.object({ bookingId: z.string(), message: text() }),
  run: async ({ db, actor }, input) => {
    await requestInfo(db, actor, input);
  },
  after: backToRequest('infoRequested'),
});

export const requestCoordinationAction = serverAction({
  input: z.object({ bookingId: z.string(), message: text(), departmentIds: formList(z.string()) }),
  run: async ({ db, actor }, input) => {
    await requestCoordination(db, actor, input);
  },
  after: backToRequest('coordinationRequested'),
});

// Moving a booking (product rule 9): the pending change request, and admin's own move and cancel.

export const approveChangeAction = serverAction({
  input: z.object({ bookingId: z.string(), opinion: text() }),
  run: async ({ db, actor }, input) => {
    await approveChange(db, actor, input);
  },
  after: backToRequest('changeApproved'),
});

export const rejectChangeAction = serverAction({
  input: z.object({ bookingId: z.string(), reason: text() }),
  run: async ({ db, actor }, input) => {
    await rejectChange(db, actor, input);
  },
  after: backToRequest('changeRejected'),
});

export const adminMoveAction = serverAction({
  input: changeFormFields.extend({ bookingId: z.string() }),
  run: async ({ db, actor }, { bookingId, ...fields }) => {
    await adminMoveBooking(db, actor, { bookingId, ...(await changeFormInput(db, fields)) });
  },
  after: backToRequest('moved'),
});

export const adminCancelAction = serverAction({
  input: z.object({ bookingId: z.string(), reason: text() }),
  run: async ({ db, actor }, input) => {
    await adminCancelBooking(db, actor, input);
  },
  after: backToRequest('cancelled'),
});
