'use server';

import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { serverAction } from '@/lib/forms/server-action';
import { devMailboxEnabled } from '@/lib/mail/config';
import { composeDevReply, readDevMailbox } from '@/lib/mail/dev-mailbox';
import { handleInboundEmail } from '@/lib/inbound/handle-reply';

/** Sends a reply to a dev-mailbox message through the same code as a real inbound reply (development only). */
export const sendDevReplyAction = serverAction({
  access: 'public',
  input: z.object({ id: z.string(), body: z.string().trim().min(1, 'required').max(10_000, 'too_long') }),
  run: async ({ db }, { id, body }) => {
    const original = devMailboxEnabled() ? await readDevMailbox(id) : null;
    if (!original?.replyTo) throw new DomainError('not_found');
    return handleInboundEmail(db, await composeDevReply(original, body));
  },
});
