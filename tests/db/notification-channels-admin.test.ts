/**
 * Admin's group-bot screens: the channel form (app/(portal)/admin/channels/actions.ts) writes
 * the webhook address and secret but never reads them back — blank on an edit keeps them — and
 * the admin mail page lists group-bot notices that failed or were given up on, with the
 * platform's answer, and puts a dead one back in the queue.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { noticeOutbox, notificationChannels } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import type { ActionContext } from '@/lib/forms/server-action';
import { listFailedNotices, retryDeadNotice } from '@/lib/notices/undelivered';
import { saveChannelAction, setChannelActiveAction } from '@/app/(portal)/admin/channels/actions';
import { expectDomainError, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const ctx = (actor: Actor): ActionContext => ({ db: db(), actor, locale: 'en', headers: new Headers() });
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
const stored = async (name: string) => (await db().select().from(notificationChannels).where(eq(notificationChannels.name, name)))[0];

describe('the group-bot channel form', () => {
  it('adds a channel, and an edit with blank address and secret keeps both', async () => {
    const added = await saveChannelAction.invoke(
      ctx(actors.admin),
      form({ kind: 'dingtalk', name: '行政群', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok1', secret: 'SECabc', events: ['request_submitted', 'daily_digest'] }),
    );
    expect(added).toMatchObject({ ok: true });
    const channel = await stored('行政群');
    expect(channel).toMatchObject({ kind: 'dingtalk', secret: 'SECabc', events: ['request_submitted', 'daily_digest'], active: true });

    const edited = await saveChannelAction.invoke(
      ctx(actors.admin),
      form({ id: channel.id, kind: 'dingtalk', name: '行政群', webhookUrl: '', secret: '', events: ['incident'] }),
    );
    expect(edited).toMatchObject({ ok: true });
    expect(await stored('行政群')).toMatchObject({ webhookUrl: channel.webhookUrl, secret: 'SECabc', events: ['incident'] });
    // Nothing the action answers carries the address's token or the secret.
    expect(JSON.stringify([added, edited])).not.toMatch(/tok1|SECabc/);

    await saveChannelAction.invoke(ctx(actors.admin), form({ id: channel.id, kind: 'dingtalk', name: '行政群', removeSecret: 'on', events: ['incident'] }));
    expect((await stored('行政群')).secret).toBeNull();

    expect(await setChannelActiveAction.invoke(ctx(actors.admin), form({ id: channel.id, active: 'false' }))).toMatchObject({ ok: true, data: { active: false } });
    expect((await stored('行政群')).active).toBe(false);
  });

  it('refuses plain http and unknown events with field messages, and anyone but admin', async () => {
    const bad = await saveChannelAction.invoke(ctx(actors.admin), form({ kind: 'wecom', name: 'x', webhookUrl: 'http://example.com/hook', events: ['nope'] }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input' });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['events.0', 'webhookUrl']);
    const staff = await saveChannelAction.invoke(ctx(actors.staff), form({ kind: 'wecom', name: 'x', webhookUrl: 'https://example.com/hook', events: [] }));
    expect(staff).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('undelivered group-bot notices', () => {
  it('lists failing and dead notices with the answer, not the delivered or untried ones; a dead one can be retried once', async () => {
    const [channel] = await db()
      .insert(notificationChannels)
      .values({ kind: 'wecom', name: '前台群', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', events: ['incident'] })
      .returning();
    const notice = (key: string, status: 'pending' | 'sent' | 'dead', attempts: number, lastError: string | null) => ({
      dedupeKey: key,
      channelId: channel.id,
      event: 'incident',
      title: `标题 ${key}`,
      body: '…',
      status,
      attempts,
      lastError,
    });
    const [dead] = await db()
      .insert(noticeOutbox)
      .values([
        notice('dead', 'dead', 8, 'HTTP 200: {"errcode":93000}'),
        notice('failing', 'pending', 2, 'TimeoutError'),
        notice('fresh', 'pending', 0, null),
        notice('sent', 'sent', 1, null),
      ])
      .returning();

    const listed = await listFailedNotices(db(), actors.admin);
    expect(listed.total).toBe(2);
    expect(listed.rows.map((r) => [r.title, r.status, r.lastError, r.channelName]).sort()).toEqual([
      ['标题 dead', 'dead', 'HTTP 200: {"errcode":93000}', '前台群'],
      ['标题 failing', 'pending', 'TimeoutError', '前台群'],
    ]);
    expect(JSON.stringify(listed)).not.toContain('key=k');

    await expectDomainError(listFailedNotices(db(), actors.staff), 'forbidden');
    await expectDomainError(retryDeadNotice(db(), actors.service, dead.id), 'forbidden');
    await retryDeadNotice(db(), actors.admin, dead.id);
    expect((await db().select().from(noticeOutbox).where(eq(noticeOutbox.id, dead.id)))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await expectDomainError(retryDeadNotice(db(), actors.admin, dead.id), 'not_found');
  });
});
