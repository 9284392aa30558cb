/**
 * Group-bot notices against a real local HTTP server that plays WeCom, DingTalk and Feishu and
 * checks each platform's signature as its documentation defines (DingTalk: `timestamp` and
 * `sign` in the query; Feishu: in the JSON body). Notices are queued set by set by the job and
 * posted by the outbox worker: with the webhook down and then up again, each arrives exactly
 * once; secrets are never answered back; plain http needs WEBHOOK_ALLOW_HTTP=1.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeOutbox } from '@/db/schema';
import { createChannel, listChannels, updateChannel } from '@/lib/notices/channels';
import { deliverNotices } from '@/lib/notices/deliver';
import { queueNotices } from '@/lib/notices/queue';
import { sendTestNotice } from '@/lib/notices/test-message';
import { expectDomainError, resourceByCode, seedBooking, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
const DING_SECRET = 'SEC0123456789abcdef';
const FEISHU_SECRET = 'feishu-secret-xyz';

interface Received {
  platform: string;
  text: string;
}
const received: Received[] = [];
let down = false;
let server: Server;
let base: string;

/** Answers as each platform does; refuses a wrong or missing signature as they do. */
function handle(url: URL, body: string): { status: number; answer: object; seen?: Received } {
  const json = JSON.parse(body) as Record<string, unknown>;
  if (url.pathname === '/cgi-bin/webhook/send') {
    if (url.searchParams.get('key') !== 'wecom-key') return { status: 200, answer: { errcode: 93000, errmsg: 'invalid webhook url' } };
    const content = (json.markdown as { content: string }).content;
    return { status: 200, answer: { errcode: 0, errmsg: 'ok' }, seen: { platform: 'wecom', text: content } };
  }
  if (url.pathname === '/robot/send') {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
    if (url.searchParams.get('sign') !== expected || Math.abs(Date.now() - Number(timestamp)) > 3_600_000) {
      return { status: 200, answer: { errcode: 310000, errmsg: 'sign not match' } };
    }
    const { text } = json.markdown as { text: string };
    return { status: 200, answer: { errcode: 0, errmsg: 'ok' }, seen: { platform: 'dingtalk', text } };
  }
  if (url.pathname === '/open-apis/bot/v2/hook/abc') {
    const timestamp = String(json.timestamp ?? '');
    const expected = createHmac('sha256', `${timestamp}\n${FEISHU_SECRET}`).update('').digest('base64');
    if (json.sign !== expected || Math.abs(Date.now() / 1000 - Number(timestamp)) > 3600) {
      return { status: 200, answer: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' } };
    }
    return { status: 200, answer: { code: 0, msg: 'success' }, seen: { platform: 'feishu', text: (json.content as { text: string }).text } };
  }
  return { status: 404, answer: {} };
}

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_HTTP = '1';
  process.env.APP_URL = 'http://booking.test';
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (down) {
        res.writeHead(503).end('upstream down');
        return;
      }
      const { status, answer, seen } = handle(new URL(req.url ?? '/', 'http://bot.local'), body);
      if (seen) received.push(seen);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HTTP;
  await new Promise((resolve) => server.close(resolve));
});

describe('group-bot channels', () => {
  it('admin only; https unless WEBHOOK_ALLOW_HTTP=1; secrets never answered back', async () => {
    const input = { kind: 'dingtalk', name: '行政群', webhookUrl: `${base}/robot/send?access_token=tok`, secret: DING_SECRET, events: ['incident'] };
    await expectDomainError(createChannel(db(), actors.staff, input), 'forbidden');
    delete process.env.WEBHOOK_ALLOW_HTTP;
    const refused = await expectDomainError(createChannel(db(), actors.admin, input), 'invalid_input');
    expect(refused.details.fields).toEqual({ webhookUrl: ['webhook_url'] });
    process.env.WEBHOOK_ALLOW_HTTP = '1';
    const made = await createChannel(db(), actors.admin, input);
    expect(JSON.stringify(made)).not.toContain(DING_SECRET);
    expect(JSON.stringify(await listChannels(db(), actors.admin))).not.toContain('access_token');
    expect(made).toMatchObject({ hasSecret: true, webhookHost: new URL(base).host });
    // A wrong secret: the test message shows the platform's refusal, never the secret.
    await updateChannel(db(), actors.admin, made.id, { secret: 'SECwrong' });
    const test = await sendTestNotice(db(), actors.admin, made.id);
    expect(test.ok).toBe(false);
    expect(test.error).toContain('sign not match');
    expect(test.error).not.toContain('SECwrong');
    await updateChannel(db(), actors.admin, made.id, { secret: DING_SECRET, active: false });
    expect(await sendTestNotice(db(), actors.admin, made.id)).toEqual({ ok: true, error: null });
    received.length = 0;
  });

  it('each platform gets its notices once, signed, across a webhook outage', async () => {
    const wecom = await createChannel(db(), actors.admin, {
      kind: 'wecom',
      name: '企业微信 行政群',
      webhookUrl: `${base}/cgi-bin/webhook/send?key=wecom-key`,
      events: ['request_submitted', 'customer_request'],
    });
    const ding = await createChannel(db(), actors.admin, {
      kind: 'dingtalk',
      name: '钉钉 客服群',
      webhookUrl: `${base}/robot/send?access_token=tok`,
      secret: DING_SECRET,
      events: ['customer_request'],
    });
    const feishu = await createChannel(db(), actors.admin, {
      kind: 'feishu',
      name: '飞书 行政群',
      webhookUrl: `${base}/open-apis/bot/v2/hook/abc`,
      secret: FEISHU_SECRET,
      events: ['request_submitted'],
    });
    const room = await resourceByCode(db(), 'MR-302');
    const start = new Date(Date.now() + 10 * 86_400_000);
    const staffRequest = await seedBooking(db(), { resourceId: room.id, requester: actors.staff, startAt: start, endAt: new Date(start.getTime() + 3_600_000) });
    const later = new Date(start.getTime() + 2 * 3_600_000);
    const customerRequest = await seedBooking(db(), { resourceId: room.id, startAt: later, endAt: new Date(later.getTime() + 3_600_000) });

    // Queued once, however often the job runs.
    expect(await queueNotices(db())).toEqual({ queued: 4 });
    expect(await queueNotices(db())).toEqual({ queued: 0 });

    down = true;
    const now = new Date();
    expect(await deliverNotices(db(), { now })).toEqual({ sent: 0, failed: 4, dead: 0 });
    const failed = await db().select().from(noticeOutbox);
    expect(failed.every((n) => n.lastError === 'HTTP 503: upstream down')).toBe(true);
    // Not due again before the backoff: nothing is posted twice meanwhile.
    down = false;
    expect(await deliverNotices(db(), { now })).toEqual({ sent: 0, failed: 0, dead: 0 });
    const later2 = new Date(now.getTime() + 61_000);
    expect(await deliverNotices(db(), { now: later2 })).toEqual({ sent: 4, failed: 0, dead: 0 });
    expect(await deliverNotices(db(), { now: new Date(later2.getTime() + 3_600_000) })).toEqual({ sent: 0, failed: 0, dead: 0 });

    const by = (platform: string) => received.filter((r) => r.platform === platform).map((r) => r.text);
    expect(by('wecom')).toHaveLength(2);
    expect(by('wecom').some((t) => t.includes(staffRequest.reference) && t.includes('新的预约申请待审批'))).toBe(true);
    expect(by('wecom').some((t) => t.includes(customerRequest.reference) && t.includes('【客户预约】'))).toBe(true);
    expect(by('dingtalk')).toEqual([expect.stringContaining(customerRequest.reference)]);
    expect(by('feishu')).toEqual([expect.stringContaining(staffRequest.reference)]);
    expect(by('feishu')[0]).toContain(`http://booking.test/admin/review/${staffRequest.id}`);
    const rows = await db().select().from(noticeOutbox).where(eq(noticeOutbox.channelId, wecom.id));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    for (const channel of [ding, feishu]) {
      const sent = await db().select().from(noticeOutbox).where(eq(noticeOutbox.channelId, channel.id));
      expect(sent.map((r) => r.status)).toEqual(['sent']);
    }
  });
});
