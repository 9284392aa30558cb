'use server';

/**
 * The buttons of the e-mail link page (/r/<token> and /m/<token>, one page). The token is the
 * only credential: lib/booking/booking-link.ts resolves it and acts as the link's holder. A
 * success goes back to the link, which shows the booking's new status and what can still be
 * done; a refusal comes back in the page's language (`pageLocale`).
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  cancelByLink,
  checkInByLink,
  confirmByLink,
  declineByLink,
  reportProblemByLink,
  requestChangeByLink,
  supplementByLink,
} from '@/lib/booking/booking-link';
import { changeFormFields, changeFormInput } from '@/lib/booking/change-form';
import { messageSchema, optionalReasonSchema, reasonSchema } from '@/lib/booking/schemas';
import { serverAction } from '@/lib/forms/server-action';
import { reportIncidentSchema } from '@/lib/incidents/schemas';

/** Which of the two addresses the page was opened at: the answer goes back there. */
const link = z.object({ token: z.string(), path: z.enum(['r', 'm']) });

const backToLink = (
  done: 'confirmed' | 'declined' | 'cancelled' | 'checkedIn' | 'changeRequested' | 'supplemented',
  { token, path }: z.output<typeof link>,
) =>
  redirect(`/${path}/${encodeURIComponent(token)}?done=${done}`);

/** Confirm or decline: two submit buttons of one form; a decline may give a reason. */
export const respondByLinkAction = serverAction({
  access: 'public',
  input: optionalReasonSchema.extend(link.shape).extend({ decision: z.enum(['confirm', 'decline'], { error: 'invalid_choice' }) }),
  run: async ({ db }, { token, decision, reason }) => {
    if (decision === 'confirm') await confirmByLink(db, token);
    else await declineByLink(db, token, { reason });
  },
  after: (_data, input) => backToLink(input.decision === 'confirm' ? 'confirmed' : 'declined', input),
});

/** Cancel, with the reason the policy asks for. */
export const cancelByLinkAction = serverAction({
  access: 'public',
  input: reasonSchema.extend(link.shape),
  run: async ({ db }, { token, reason }) => {
    await cancelByLink(db, token, { reason });
  },
  after: (_data, input) => backToLink('cancelled', input),
});

/** Check in on arrival (the customer's manage link). */
export const checkInByLinkAction = serverAction({
  access: 'public',
  input: link,
  run: async ({ db }, { token }) => {
    await checkInByLink(db, token);
  },
  after: (_data, input) => backToLink('checkedIn', input),
});

/** Ask to move the visit to another time or resource, with a reason (manage links only). */
export const requestChangeByLinkAction = serverAction({
  access: 'public',
  input: changeFormFields.extend(link.shape),
  run: async ({ db }, { token, ...fields }) => {
    await requestChangeByLink(db, token, await changeFormInput(db, fields));
  },
  after: (_data, input) => backToLink('changeRequested', input),
});

/** Supply the information admin asked for (manage links only); the request goes back to review. */
export const supplementByLinkAction = serverAction({
  access: 'public',
  input: messageSchema.extend(link.shape),
  run: async ({ db }, { token, message }) => {
    await supplementByLink(db, token, { message });
  },
  after: (_data, input) => backToLink('supplemented', input),
});

/**
 * Report damage or an abnormality found during the visit (manage links only). The answer stays
 * on the page: the customer may have more to report, and a report changes no booking status.
 */
export const reportProblemByLinkAction = serverAction({
  access: 'public',
  input: reportIncidentSchema.pick({ severity: true, description: true }).extend(link.shape),
  run: async ({ db }, { token, severity, description }) => {
    await reportProblemByLink(db, token, { severity, description });
  },
  // The customer is not told about other people's bookings the report affected.
  message: (t) => t('incidents.report.done', { affected: 0 }),
});
