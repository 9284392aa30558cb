/**
 * Reading a reply to a booking e-mail (pure; lib/inbound/handle-reply.ts does the rest).
 *
 * 1. `visibleReply` keeps only what the person wrote: everything from the first quote header
 *    on is cut — "> " lines, "On … wrote:", Chinese clients' "在 2026年…写道：" and
 *    "…于2026年…写道：", "-----原始邮件-----" / "-----Original Message-----", Outlook's
 *    "From:/发件人:" blocks — then email-reply-parser drops signatures ("-- ", "Sent from my
 *    iPhone"), and Chinese mobile signatures ("发自我的iPhone") go too.
 * 2. `readDecision` looks at the first meaningful line (greetings like "您好，" are skipped):
 *    confirm words 确认/确定/同意/confirm/yes, decline words 取消/拒绝/放弃/decline/cancel/no.
 *    It answers only when the line holds words of exactly one kind, with no negation and no
 *    question — "确认取消", "确定不去了" or "Yes, but can we move it?" are left to a person.
 */
import EmailReplyParser from 'email-reply-parser';

export type ReplyDecision = 'confirm' | 'decline';

/** Lines that start the quoted history on their own. */
const QUOTE_START = [
  /^\s*>/, // a quoted line
  /^\s*-{2,}\s*(原始邮件|原始郵件|转发邮件|Original Message|Forwarded message)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // the rule Outlook puts above its header block
  /写道\s*[:：]\s*$/, // 在 DATE, NAME <EMAIL> 写道： / NAME 于 DATE 写道：
  /^\s*On\s.+\swrote:\s*$/i,
];

/** Outlook-style header block: "From:/发件人:" followed closely by Sent/To/Subject lines. */
const HEADER_FIELD = /^\s*(From|Sent|Date|To|Cc|Subject|发件人|寄件者|发送时间|日期|收件人|抄送|主题)\s*[:：]/i;
const FROM_FIELD = /^\s*(From|发件人|寄件者)\s*[:：]\s*\S/i;

const MOBILE_SIGNATURE = /^\s*(发自我的|來自我的|来自我的|发送自|Sent from my|Get Outlook for)/i;

function startsQuote(lines: string[], i: number): boolean {
  const line = lines[i];
  if (QUOTE_START.some((re) => re.test(line))) return true;
  // Headers long enough to wrap over two lines: "On Tue, … <booking@" + "example.com> wrote:",
  // "在 2026年…" + "…写道：".
  const joined = `${line} ${lines[i + 1] ?? ''}`;
  if (/^\s*On\s/i.test(line) && /\swrote:\s*$/i.test(joined)) return true;
  if (/^\s*在/.test(line) && /写道\s*[:：]\s*$/.test(joined)) return true;
  if (FROM_FIELD.test(line)) return lines.slice(i + 1, i + 5).some((l) => HEADER_FIELD.test(l));
  return false;
}

export function visibleReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((_, i) => startsQuote(lines, i));
  let own = (cut === -1 ? lines : lines.slice(0, cut)).join('\n');
  // Written below the quote instead of above it: keep the lines that are not quoted.
  if (own.trim() === '') own = lines.filter((_, i) => !startsQuote(lines, i)).join('\n');
  const withoutSignature = new EmailReplyParser().read(own).getVisibleText();
  const kept = withoutSignature.split('\n');
  const signature = kept.findIndex((l) => MOBILE_SIGNATURE.test(l));
  return (signature === -1 ? kept : kept.slice(0, signature)).join('\n').trim();
}

const GREETING = /^(hi|hello|hey|dear\s[^,，]{0,40}|[^,，。.!！]{0,12}(您好|你好)|各位好?)[\s,，.。!！:：]*$/i;

const CONFIRM_WORDS = [/确认|確認|确定|確定|同意/, /\b(confirm|confirmed|confirming|yes)\b/i];
const DECLINE_WORDS = [/取消|拒绝|拒絕|放弃|放棄/, /\b(decline|declined|cancel|cancelled|no)\b/i];
const NEGATION = [/[不没沒别別未无無]/, /\b(not|don'?t|doesn'?t|can'?t|cannot|won'?t|unable)\b/i];
/** Set phrases that look negative but are not ("没问题" = no problem). */
const POSITIVE_IDIOMS = /没问题|沒問題|无误|無誤|不错|不錯|不客气|不客氣|\bno problem\b/gi;
const QUESTION = /[?？]/;

/** The decision a reply states, and an excerpt of what it says (for admin when unclear). */
export function readDecision(text: string): { decision: ReplyDecision | null; excerpt: string } {
  const visible = visibleReply(text);
  const excerpt = visible.slice(0, 500);
  const line = visible
    .normalize('NFKC')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !GREETING.test(l))
    ?.replace(POSITIVE_IDIOMS, ' ');
  if (!line || QUESTION.test(line)) return { decision: null, excerpt };
  const has = (patterns: RegExp[]) => patterns.some((re) => re.test(line));
  const confirm = has(CONFIRM_WORDS);
  const decline = has(DECLINE_WORDS);
  if (confirm === decline || has(NEGATION)) return { decision: null, excerpt };
  return { decision: confirm ? 'confirm' : 'decline', excerpt };
}
