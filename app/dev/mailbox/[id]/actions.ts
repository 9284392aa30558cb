'use server';

import { z } from 'zod';
import { getDb } from '@/db';
import { devMailboxEnabled } from '@/lib/mail/config';
import { composeDevReply, readDevMailbox } from '@/lib/mail/dev-mailbox';
import { handleInboundEmail, type InboundResult } from '@/lib/mail/inbound';

export type DevReplyState = InboundResult | { error: string } | null;

const replySchema = z.object({ body: z.string().trim().min(1).max(10_000) });

/** Sends a reply to a dev-mailbox message through the same code as a real inbound reply. */
export async function sendDevReplyAction(id: string, _prev: DevReplyState, formData: FormData): Promise<DevReplyState> {
  if (!devMailboxEnabled()) return { error: 'not available in production' };
  const parsed = replySchema.safeParse({ body: formData.get('body') });
  if (!parsed.success) return { error: 'empty reply' };
  const original = await readDevMailbox(id);
  if (!original?.replyTo) return { error: 'no reply address' };
  return handleInboundEmail(await getDb(), await composeDevReply(original, parsed.data.body));
}
