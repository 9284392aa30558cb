/**
 * The morning digest job. From DIGEST_TIME (07:30 in the organisation's zone) until noon, each
 * run finds the admins who opted in and the group bots listening to `daily_digest` that have no
 * digest for today yet, builds the day's summary once and queues one e-mail per admin and one
 * notice per bot, under the dedupe keys `daily_digest:<day>:<user or channel>` — so a second
 * run, or a second instance running at the same moment, queues nothing twice (ON CONFLICT DO
 * NOTHING on the unique key is the whole check). Runs that find nobody waiting read nothing
 * else. Before 07:30 nothing is sent; a server down all morning sends no stale digest after noon.
 */
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { emailOutbox, noticeOutbox, notificationChannels, users } from '@/db/schema';
import { dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { formatRange, formatTime } from '@/lib/i18n/format';
import { absoluteUrl } from '@/lib/mail/config';
import { enqueueEmails } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';
import { digestSummary, type DigestSummary } from './summary';

export const DIGEST_TIME = '07:30';
/** After this, today's digest is no longer news. */
const DIGEST_UNTIL = '12:00';

const keyOf = (day: string, id: string) => `daily_digest:${day}:${id}`;

export async function queueDailyDigests(db: Db, now = new Date()): Promise<{ digests: number; digestNotices: number }> {
  const { timeZone } = await getSettings(db);
  const day = dayInZone(now, timeZone);
  const none = { digests: 0, digestNotices: 0 };
  if (now < zonedInstant(day, DIGEST_TIME, timeZone) || now >= zonedInstant(day, DIGEST_UNTIL, timeZone)) return none;

  const [recipients, channels] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(
        and(
          eq(users.role, 'admin'),
          eq(users.active, true),
          eq(users.dailyDigest, true),
          notExists(db.select({ one: sql`1` }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, sql`${`daily_digest:${day}:`} || ${users.id}`))),
        ),
      ),
    db
      .select({ id: notificationChannels.id })
      .from(notificationChannels)
      .where(
        and(
          eq(notificationChannels.active, true),
          sql`${notificationChannels.events} @> ARRAY['daily_digest']::text[]`,
          notExists(
            db.select({ one: sql`1` }).from(noticeOutbox).where(eq(noticeOutbox.dedupeKey, sql`${`daily_digest:${day}:`} || ${notificationChannels.id}`)),
          ),
        ),
      ),
  ]);
  if (recipients.length === 0 && channels.length === 0) return none;

  const summary = await digestSummary(db, day, timeZone, now);
  const links = { review: absoluteUrl('/admin/review'), calendar: absoluteUrl('/calendar') };
  const digests = await enqueueEmails(
    db,
    recipients.map((r) => ({
      template: 'daily-digest',
      to: r.email,
      locale: r.locale,
      dedupeKey: keyOf(day, r.id),
      payload: { recipientName: r.name, summary, links },
    })),
  );
  const notices =
    channels.length === 0
      ? []
      : await db
          .insert(noticeOutbox)
          .values(channels.map((c) => ({ dedupeKey: keyOf(day, c.id), channelId: c.id, event: 'daily_digest', ...digestNotice(summary), link: links.review })))
          .onConflictDoNothing()
          .returning({ id: noticeOutbox.id });
  return { digests, digestNotices: notices.length };
}

/**
 * The group-bot message: short, in 简体中文, and with no personal data — a group chat is not
 * the place for who booked; times per resource, the counts and the overdue references.
 */
export function digestNotice(summary: DigestSummary): { title: string; body: string } {
  const { timeZone } = summary;
  const lines = summary.resources.map(
    (r) => `${r.nameZh}：${r.bookings.length} 场（${r.bookings.map((b) => formatTime(new Date(b.startAt), 'zh', timeZone)).join('、')}）`,
  );
  const overdue = summary.overdue.map(
    (o) => `${o.reference} ${o.resourceZh} ${formatRange(new Date(o.startAt), new Date(o.endAt), 'zh', timeZone)}（${o.reason === 'undecided' ? '仍未审批' : '超时未签退'}）`,
  );
  const body = [
    lines.length > 0 ? `今日预约：\n${lines.join('\n')}${summary.moreBookings ? '\n……' : ''}` : '今日没有预约。',
    `待审批申请：${summary.pendingCount} 项`,
    overdue.length > 0 ? `逾期事项：\n${overdue.slice(0, 10).join('\n')}${overdue.length > 10 ? `\n等 ${overdue.length} 项` : ''}` : '没有逾期事项。',
  ].join('\n\n');
  return { title: `每日早报 ${summary.day}`, body };
}
