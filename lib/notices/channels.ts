/**
 * Admin's group-bot webhooks: which platform, where, with which signing secret, and which events
 * go there. Secrets — the signing secret and the webhook URL's key or token — never leave the
 * server again: answers show the URL's host only.
 */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { botKind, notificationChannels, type NotificationChannel } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';

export const NOTICE_EVENTS = ['request_submitted', 'customer_request', 'confirmation_expiring', 'incident', 'daily_digest'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** https only; plain http (any host) only when the server runs with WEBHOOK_ALLOW_HTTP=1 (tests, local fakes). */
const webhookUrl = z
  .string({ error: 'required' })
  .trim()
  .max(1000, { error: 'too_long' })
  .refine(
    (value) => {
      try {
        const { protocol } = new URL(value);
        return protocol === 'https:' || (protocol === 'http:' && process.env.WEBHOOK_ALLOW_HTTP === '1');
      } catch {
        return false;
      }
    },
    { error: 'webhook_url' },
  );

const fields = {
  kind: z.enum(botKind.enumValues, { error: 'invalid_choice' }),
  name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(80, { error: 'too_long' }),
  webhookUrl,
  secret: z.string().trim().max(200, { error: 'too_long' }).optional(),
  events: z.array(z.enum(NOTICE_EVENTS, { error: 'invalid_choice' }), { error: 'required' }),
  active: z.boolean({ error: 'invalid_choice' }).optional(),
};
export const createChannelSchema = z.object(fields);
/** A change: any field; an empty `secret` removes it, an absent one keeps it. */
export const updateChannelSchema = z.object(fields).partial();

export interface ChannelView {
  id: string;
  kind: NotificationChannel['kind'];
  name: string;
  /** The webhook's host only: the rest of the URL is a credential. */
  webhookHost: string;
  hasSecret: boolean;
  events: NoticeEvent[];
  active: boolean;
}

export const toChannelView = (c: NotificationChannel): ChannelView => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  webhookHost: new URL(c.webhookUrl).host,
  hasSecret: c.secret !== null,
  events: c.events as NoticeEvent[],
  active: c.active,
});

export async function listChannels(db: Db, actor: Actor): Promise<ChannelView[]> {
  requireAdmin(actor);
  const rows = await db.select().from(notificationChannels).orderBy(desc(notificationChannels.createdAt), desc(notificationChannels.id));
  return rows.map(toChannelView);
}

export async function createChannel(db: Db, actor: Actor, input: unknown): Promise<ChannelView> {
  requireAdmin(actor);
  const data = parseInput(createChannelSchema, input);
  const [row] = await db
    .insert(notificationChannels)
    .values({ ...data, secret: data.secret || null, events: [...new Set(data.events)] })
    .returning();
  return toChannelView(row);
}

export async function updateChannel(db: Db, actor: Actor, channelId: string, input: unknown, now = new Date()): Promise<ChannelView> {
  requireAdmin(actor);
  const data = parseInput(updateChannelSchema, input);
  if (!isUuid(channelId)) throw new DomainError('not_found');
  const [row] = await db
    .update(notificationChannels)
    .set({
      ...data,
      ...(data.secret !== undefined && { secret: data.secret || null }),
      ...(data.events && { events: [...new Set(data.events)] }),
      updatedAt: now,
    })
    .where(eq(notificationChannels.id, channelId))
    .returning();
  if (!row) throw new DomainError('not_found');
  return toChannelView(row);
}
