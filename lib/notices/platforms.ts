/**
 * Each group-bot platform's message format and signature, as its webhook documentation defines:
 *
 * - WeCom (企业微信 群机器人): POST the webhook URL (its `key` is the credential) with
 *   `{"msgtype":"markdown","markdown":{"content"}}`; success is `errcode: 0`. No signature.
 * - DingTalk (钉钉 自定义机器人, 加签): `timestamp` in milliseconds and
 *   `sign = urlEncode(base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)))`
 *   appended to the URL's query; body `{"msgtype":"markdown","markdown":{"title","text"}}`;
 *   success is `errcode: 0`.
 * - Feishu / Lark (飞书 自定义机器人, 签名校验): `timestamp` in seconds and
 *   `sign = base64(HmacSHA256(key = timestamp + "\n" + secret, message = ""))`, both in the JSON
 *   body next to `{"msg_type":"text","content":{"text"}}`; success is `code: 0` (older
 *   deployments answer `StatusCode: 0`).
 */
import { createHmac } from 'node:crypto';
import type { BotKind } from '@/db/schema';

export interface Notice {
  title: string;
  body: string;
  link: string | null;
}

export interface WebhookRequest {
  url: string;
  body: string;
}

export function dingtalkSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function feishuSign(secret: string, timestamp: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

const markdown = (notice: Notice) =>
  [`**${notice.title}**`, notice.body, ...(notice.link ? [`[查看详情](${notice.link})`] : [])].join('\n\n');

/** The request that posts `notice` to a bot of `kind`. */
export function webhookRequest(kind: BotKind, webhookUrl: string, secret: string | null, notice: Notice, now = new Date()): WebhookRequest {
  if (kind === 'wecom') {
    return { url: webhookUrl, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(notice) } }) };
  }
  if (kind === 'dingtalk') {
    const url = new URL(webhookUrl);
    if (secret) {
      const timestamp = String(now.getTime());
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', dingtalkSign(secret, timestamp));
    }
    return { url: url.toString(), body: JSON.stringify({ msgtype: 'markdown', markdown: { title: notice.title, text: markdown(notice) } }) };
  }
  const text = [notice.title, notice.body, ...(notice.link ? [notice.link] : [])].join('\n');
  const signed = secret
    ? (() => {
        const timestamp = String(Math.floor(now.getTime() / 1000));
        return { timestamp, sign: feishuSign(secret, timestamp) };
      })()
    : {};
  return { url: webhookUrl, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text } }) };
}

/** Whether the platform's answer says the message was taken; else the reason to show admin. */
export function webhookAccepted(kind: BotKind, status: number, text: string): true | string {
  const reason = `HTTP ${status}: ${text.slice(0, 300)}`;
  if (status < 200 || status >= 300) return reason;
  try {
    const answer = JSON.parse(text) as { errcode?: number; code?: number; StatusCode?: number };
    const code = kind === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
    return code === 0 ? true : reason;
  } catch {
    return reason;
  }
}
