/**
 * Queues group-bot notices for what happened, set by set: one query per kind of event finds every
 * (item, channel) pair that should be told and one insert queues them all, under a dedupe key per
 * pair, so a second run — or a second instance — queues nothing twice. Only items from the last
 * day and from after the channel was set up count: a new channel is not flooded with history.
 * Messages are short and in 简体中文, with a link to the item.
 */
import { and, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, incidents, noticeOutbox, notificationChannels, resources } from '@/db/schema';
import { formatRange } from '@/lib/i18n/format';
import { absoluteUrl } from '@/lib/mail/config';
import { getSettings } from '@/lib/settings';
import type { NoticeEvent } from './channels';

const DAY_MS = 86_400_000;
/** "About to expire unconfirmed": the confirmation deadline falls within this much. */
const EXPIRING_WITHIN_MS = 12 * 3_600_000;

type NewNotice = typeof noticeOutbox.$inferInsert;

const listensTo = (event: NoticeEvent) =>
  and(eq(notificationChannels.active, true), sql`${notificationChannels.events} @> ARRAY[${event}]::text[]`);

export async function queueNotices(db: Db, now = new Date()): Promise<{ queued: number }> {
  const { timeZone } = await getSettings(db);
  const since = new Date(now.getTime() - DAY_MS);
  const when = (start: Date, end: Date) => formatRange(start, end, 'zh', timeZone);
  const bookingColumns = {
    channelId: notificationChannels.id,
    id: bookings.id,
    reference: bookings.reference,
    requesterKind: bookings.requesterKind,
    startAt: bookings.startAt,
    endAt: bookings.endAt,
    resourceName: resources.nameZh,
  };

  const submitted = await db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(
      notificationChannels,
      and(
        sql`${notificationChannels.events} && ARRAY['request_submitted', 'customer_request']::text[]`,
        eq(notificationChannels.active, true),
        gte(bookings.submittedAt, notificationChannels.createdAt),
      ),
    )
    .where(and(eq(bookings.status, 'pending'), gt(bookings.submittedAt, since)));
  const channelEvents = new Map(
    (await db.select({ id: notificationChannels.id, events: notificationChannels.events }).from(notificationChannels)).map((c) => [c.id, c.events]),
  );

  const expiring = await db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(notificationChannels, listensTo('confirmation_expiring'))
    .where(
      and(
        eq(bookings.status, 'awaiting_confirmation'),
        gt(bookings.confirmDeadline, now),
        lte(bookings.confirmDeadline, new Date(now.getTime() + EXPIRING_WITHIN_MS)),
      ),
    );

  const reported = await db
    .select({
      channelId: notificationChannels.id,
      id: incidents.id,
      severity: incidents.severity,
      description: incidents.description,
      resourceCode: resources.code,
      resourceName: resources.nameZh,
    })
    .from(incidents)
    .innerJoin(resources, eq(resources.id, incidents.resourceId))
    .innerJoin(notificationChannels, and(listensTo('incident'), gte(incidents.createdAt, notificationChannels.createdAt)))
    .where(gt(incidents.createdAt, since));

  const rows: NewNotice[] = [];
  for (const b of submitted) {
    // A customer's request goes to channels that asked for customer requests, highlighted; a
    // staff request to those that asked for new requests.
    const event: NoticeEvent = b.requesterKind === 'customer' ? 'customer_request' : 'request_submitted';
    if (!channelEvents.get(b.channelId)?.includes(event)) continue;
    rows.push({
      dedupeKey: `${event}:${b.id}:${b.channelId}`,
      channelId: b.channelId,
      event,
      title: event === 'customer_request' ? '【客户预约】新的客户申请待审批' : '新的预约申请待审批',
      body: `${b.reference} · ${b.resourceName} · ${when(b.startAt, b.endAt)}`,
      link: absoluteUrl(`/admin/review/${b.id}`),
    });
  }
  for (const b of expiring) {
    rows.push({
      dedupeKey: `confirmation_expiring:${b.id}:${b.channelId}`,
      channelId: b.channelId,
      event: 'confirmation_expiring',
      title: '预约即将因未确认而过期',
      body: `${b.reference} · ${b.resourceName} · ${when(b.startAt, b.endAt)}`,
      link: absoluteUrl(`/bookings/${b.id}`),
    });
  }
  for (const i of reported) {
    rows.push({
      dedupeKey: `incident:${i.id}:${i.channelId}`,
      channelId: i.channelId,
      event: 'incident',
      title: i.severity === 'blocking' ? '损坏报告：资源停用维修' : '损坏 / 异常报告',
      body: `${i.resourceCode} ${i.resourceName}：${i.description.slice(0, 200)}`,
      link: absoluteUrl('/admin/incidents'),
    });
  }
  if (rows.length === 0) return { queued: 0 };
  const queued = await db.insert(noticeOutbox).values(rows).onConflictDoNothing().returning({ id: noticeOutbox.id });
  return { queued: queued.length };
}
