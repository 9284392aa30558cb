/**
 * Admin's "send test message": posts one message to a channel at once and answers what the
 * platform said. The one post that does not go through the outbox — it is a check of the
 * configuration, asked for by the person looking at the answer, not a notice anyone relies on.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { notificationChannels } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { DomainError } from '@/lib/errors';
import { absoluteUrl } from '@/lib/mail/config';
import { post } from './deliver';

export async function sendTestNotice(db: Db, actor: Actor, channelId: string): Promise<{ ok: boolean; error: string | null }> {
  requireAdmin(actor);
  if (!isUuid(channelId)) throw new DomainError('not_found');
  const [channel] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, channelId));
  if (!channel) throw new DomainError('not_found');
  const outcome = await post(channel, {
    title: '测试消息',
    body: `资源预约系统的群通知已接通（${channel.name}）。`,
    link: absoluteUrl('/'),
  });
  return outcome === true ? { ok: true, error: null } : { ok: false, error: outcome };
}
