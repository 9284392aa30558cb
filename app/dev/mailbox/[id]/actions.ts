'use server';

import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { serverAction } from '@/lib/forms/server-action';
import { devMailboxEnabled } from '@/lib/mail/config';
import { composeDevReply, readDevMailbox } from '@/lib/mail/dev-mailbox';
import { handleInboundEmail, type InboundResult } from '@/lib/inbound/handle-reply';

/** Why a reply changed nothing, in words: the inbound handler's own reasons, else a domain error code. */
const OWN_REASONS = ['auto_reply', 'duplicate', 'unsigned', 'bad_signature'];

/** Sends a reply to a dev-mailbox message through the same code as a real inbound reply (development only). */
export const sendDevReplyAction = serverAction({
  access: 'public',
  input: z.object({ id: z.string(), body: z.string().trim().min(1, 'required').max(10_000, 'too_long') }),
  run: async ({ db }, { id, body }): Promise<InboundResult> => {
    const original = devMailboxEnabled() ? await readDevMailbox(id) : null;
    if (!original?.replyTo) throw new DomainError('not_found');
    return handleInboundEmail(db, await composeDevReply(original, body));
  },
  message: (t, { outcome, reason }) => {
    const words = t(`devMailbox.outcomes.${outcome}`);
    if (!reason) return t('devMailbox.result', { outcome: words });
    const why = OWN_REASONS.includes(reason) ? t(`devMailbox.reasons.${reason}`) : t(`errors.${reason}`);
    return t('devMailbox.resultWithReason', { outcome: words, reason: why });
  },
});
